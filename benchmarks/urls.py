"""The site's routes plus one trivial view: the framework's floor for the load figures."""

from django.http import HttpResponse
from django.urls import path

from tilondon.urls import urlpatterns as site_urlpatterns


def floor(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/floor/", floor), *site_urlpatterns]
