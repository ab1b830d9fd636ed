"""``export_calls``: the whole archive as JSON on stdout, oldest call first."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from readouts.models import Call
from readouts.present.export import call_to_dict


class Command(BaseCommand):
    help = 'Print every call as JSON ({"calls": [...]}, oldest first), the shape of the JSON pages.'

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url",
            default=settings.SITE_URL,
            help="Prefix for each call's URL (default: $DJANGO_SITE_URL or the dev server).",
        )

    def handle(self, *args, base_url, **options):
        base = base_url.rstrip("/")
        calls = Call.objects.with_related().order_by("date", "slug")
        document = {"calls": [call_to_dict(call, lambda path: base + path) for call in calls]}
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=2))
