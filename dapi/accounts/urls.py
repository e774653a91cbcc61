from django.contrib.auth import views as auth_views
from django.urls import path

from . import organisation_views, token_views, views
from .users import views as user_views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="accounts/login.html", redirect_authenticated_user=True),
         name="login"),
    path("login/verify/", views.login_verify, name="login_verify"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/two-factor/", views.two_factor_setup, name="two_factor_setup"),
    path("account/password/", user_views.password_change, name="password_change"),
    path("account/api-tokens/", token_views.api_token_list, name="api_token_list"),
    path("account/api-tokens/<int:token_id>/revoke/", token_views.api_token_revoke_page, name="api_token_revoke"),
    path("organisations/", organisation_views.organisation_list, name="organisation_list"),
    path("organisations/<int:pk>/identifiers/", organisation_views.organisation_identifiers,
         name="organisation_identifiers"),
]
