"""The admin's import form: a pasted or uploaded readout, checked by the parser before saving."""

from django import forms

from .. import parsing
from ..models import Language
from ..parsing.publishers import PUBLISHERS
from ..writing import ingest


class ImportReadoutForm(forms.Form):
    """Valid when the text parses; ``cleaned_data`` then holds ``readout_text`` and ``parsed``."""

    text = forms.CharField(
        required=False,
        strip=False,  # the verbatim text starts with its " date YYYY-MM" header, space included
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100, "class": "vLargeTextField"}),
        help_text="Paste the readout exactly as published, or upload it as a file below.",
    )
    file = forms.FileField(required=False, help_text="A UTF-8 text file (.txt).")
    publisher = forms.ChoiceField(
        required=False,
        choices=[("", "Detect from the text"), *((p.key, p.name) for p in PUBLISHERS.values())],
    )
    language = forms.ChoiceField(
        required=False, choices=[("", "Detect from the text"), *Language.choices]
    )
    source = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="Source URL",
        help_text="Where the readout was published.",
    )
    # Hash of the text the editor last previewed: Save writes only a text that was previewed.
    previewed = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        data = super().clean()
        upload, pasted = data.get("file"), data.get("text") or ""
        if upload and pasted.strip():
            raise forms.ValidationError("Paste a text or upload a file, not both.")
        field = "file" if upload else "text"
        try:
            if upload:
                parsing.check_size(upload.size)  # before reading a file that may be huge
            # Browsers send a textarea's line breaks as CRLF; published texts have plain ones.
            raw = upload.read() if upload else pasted.replace("\r\n", "\n").encode("utf-8")
            text = parsing.decode_readout(raw)
            data["parsed"] = ingest.parse_text(text)
        except parsing.ParseError as error:
            self.add_error(field, str(error))
            return data
        data["readout_text"] = text
        return data

    @property
    def language_mismatch(self) -> str:
        """A warning when the editor's chosen language is not the one the parser detected."""
        chosen, parsed = self.cleaned_data.get("language"), self.cleaned_data.get("parsed")
        if not chosen or parsed is None or chosen == parsed.language:
            return ""
        return (
            f"You chose {Language(chosen).label}, but the parser read the text as "
            f"{Language(parsed.language).label} and applied those rules; the readout will be "
            f"saved as {Language(chosen).label}."
        )
