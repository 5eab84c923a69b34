"""The alert pages' addresses, under /library/alerts/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.sign_up, name="alerts-signup"),
    path("check-your-email/", views.sent, name="alerts-sent"),
    path("confirm/<str:token>/", views.confirm, name="alerts-confirm"),
    path("stop/<str:token>/", views.unsubscribe, name="alerts-unsubscribe"),
]
