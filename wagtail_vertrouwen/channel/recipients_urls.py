from django.urls import path

from .views import recipients

app_name = "wagtail_vertrouwen_recipients"

urlpatterns = [
    path("", recipients.forms_list, name="index"),
    path("<int:page_id>/add/", recipients.add, name="add"),
    path("<int:page_id>/pin/", recipients.pin, name="pin"),
    path("<int:page_id>/role/<int:designation_id>/", recipients.change_role, name="change_role"),
    path("<int:page_id>/remove/<int:designation_id>/", recipients.remove, name="remove"),
]
