"""URL routes: admin, health, documents, sitemap, then Wagtail's page tree."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from search import views as library
from search.export import library_export
from search.feeds import library_feed
from search.openapi import openapi_json
from tilondon.health import healthz

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("library/", library.library_page, name="library"),
    path("library/alerts/", include("alerts.urls")),
    path("library/feed/", library_feed, name="library-feed"),
    path("library/export.csv", library_export, name="library-export"),
    path("api/library/", library.library_api, name="library-api"),
    path("api/library/suggest/", library.suggest_api, name="library-suggest"),
    path("api/library/openapi.json", openapi_json, name="library-openapi"),
    path("sitemap.xml", sitemap, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Image renditions only: documents go through Wagtail's view, which checks who may have
    # them, and original uploads are never needed by a public page.
    urlpatterns += static(
        f"{settings.MEDIA_URL}images/", document_root=settings.MEDIA_ROOT / "images"
    )

urlpatterns += [path("", include(wagtail_urls))]
