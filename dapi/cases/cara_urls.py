app_name = "cara"
urlpatterns = []
