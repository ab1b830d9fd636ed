"""One JSON shape for every refusal, as the site's ``format=json`` pages already answer.

A bad parameter is a 400 ``{"errors": {"field": ["message", ...]}}`` (the shape of
``present/formats.errors_response``); anything else (404, 429) is ``{"detail": "message"}``.
"""

from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.views import exception_handler as drf_exception_handler


def _as_lists(data) -> dict:
    if not isinstance(data, dict):
        return {"non_field_errors": [str(item) for item in data]}
    return {
        key: [str(m) for m in (value if isinstance(value, list) else [value])]
        for key, value in data.items()
    }


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, ValidationError):
        response.data = {"errors": _as_lists(response.data)}
    return response


class ErrorsSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For each parameter that was wrong, what was wrong with it.",
    )


class DetailSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Why the request was not answered.")
