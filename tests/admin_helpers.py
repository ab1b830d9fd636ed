"""Logged-in staff and change-form posting, for tests that go through the real admin URLs."""

import importlib

from django.contrib.auth.models import Group, Permission

EDITORS = importlib.import_module("readouts.migrations.0004_editors_group")


def make_editor(django_user_model, username="editor"):
    """A staff user in the "Editors" group, as the data migration sets it up."""
    user = django_user_model.objects.create_user(username, password="long-enough-secret-1")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def restore_editors_group() -> None:
    """Recreate the migration's "Editors" group after a transactional test flushed it."""
    group, created = Group.objects.get_or_create(name=EDITORS.GROUP)
    if created:
        codenames = [f"{a}_{m}" for m in EDITORS.MODELS for a in EDITORS.ACTIONS]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="readouts", codename__in=codenames)
        )


def change_form_data(response) -> dict:
    """The POST data a browser would send back for an unchanged admin change form."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(item) for item in value]
            else:
                data[key] = str(value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def inline_prefix(data: dict, pk: int) -> str:
    """The form prefix (``statements-0``) of the inline row holding the object ``pk``."""
    return next(key for key, value in data.items() if key.endswith("-id") and value == str(pk))[
        : -len("-id")
    ]
