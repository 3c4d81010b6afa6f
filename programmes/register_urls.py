"""List pages and registers."""

app_name = "registers"

urlpatterns: list = []
