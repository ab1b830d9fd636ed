"""The admin's import form: a pasted or uploaded readout, checked by the parser before saving."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .. import parsing
from ..models import Language
from ..parsing.publishers import PUBLISHERS
from ..writing import ingest


class ImportReadoutForm(forms.Form):
    """Valid when the text parses; ``cleaned_data`` then holds ``readout_text`` and ``parsed``."""

    text = forms.CharField(
        label=_("Text"),
        required=False,
        strip=False,  # the verbatim text starts with its " date YYYY-MM" header, space included
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100, "class": "vLargeTextField"}),
        help_text=_("Paste the readout exactly as published, or upload it as a file below."),
    )
    file = forms.FileField(
        label=_("File"), required=False, help_text=_("A UTF-8 text file (.txt).")
    )
    publisher = forms.ChoiceField(
        label=_("Publisher"),
        required=False,
        choices=[("", _("Detect from the text")), *((p.key, p.name) for p in PUBLISHERS.values())],
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Detect from the text")), *Language.choices],
    )
    source = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label=_("Source URL"),
        help_text=_("Where the readout was published."),
    )
    # Hash of the text the editor last previewed: Save writes only a text that was previewed.
    previewed = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload, pasted = data.get("file"), data.get("text") or ""
        if upload and pasted.strip():
            raise forms.ValidationError(_("Paste a text or upload a file, not both."))
        field = "file" if upload else "text"
        try:
            if upload:
                parsing.check_size(upload.size)  # before reading a file that may be huge
            # Browsers send a textarea's line breaks as CRLF; published texts have plain ones.
            raw = upload.read() if upload else pasted.replace("\r\n", "\n").encode("utf-8")
            text = parsing.decode_readout(raw)
            # Parsed as it will be saved: with the rules of the language the editor chose.
            data["parsed"] = ingest.parse_text(text, language=data.get("language") or "")
        except parsing.ParseError as error:
            self.add_error(field, f"{error}{self._language_hint(data)}")
            return data
        data["readout_text"] = text
        return data

    @staticmethod
    def _language_hint(data) -> str:
        """Why a text may have failed: the editor chose rules for another language."""
        chosen = data.get("language")
        text = data.get("text") or ""
        detected = parsing.detect_language(text) if chosen and text.strip() else chosen
        if chosen == detected:
            return ""
        return _(
            " (read with the %(chosen)s rules you chose; the text reads as %(detected)s: "
            "choose %(detected)s or “Detect from the text”)"
        ) % {"chosen": Language(chosen).label, "detected": Language(detected).label}

    @property
    def language_mismatch(self) -> str:
        """A warning when the editor's chosen language is not the one the text reads as."""
        chosen, text = self.cleaned_data.get("language"), self.cleaned_data.get("readout_text")
        detected = parsing.detect_language(text) if chosen and text else chosen
        if chosen == detected:
            return ""
        return _(
            "You chose %(chosen)s, but the text reads as %(detected)s; the %(chosen)s rules "
            "were applied and the readout will be saved as %(chosen)s."
        ) % {"chosen": Language(chosen).label, "detected": Language(detected).label}
