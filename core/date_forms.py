"""Dates as people write them, in model forms: a model's ``<name>_text`` fields read with the
programme's quarter convention and stored with their meaning, and the words that tell the user
how a date was read. Needs no models: milestones, risks, actions, savings lines, cover sheets and
the admin all use the same form."""

from django import forms

from core import fuzzydates

KEEP_AS_WORDS = "Keep as words"


class FuzzyDateModelForm(forms.ModelForm):
    """A model form whose ``<name>_text`` fields take dates as people write them; the words are
    read with the programme's quarter convention and stored with their meaning.

    Words with no date in them ("TBC", "Ongoing") are kept as words. Words that look like a date
    the calendar does not have ("31/02/2010", "Q5 2010") are refused with what is wrong, unless
    the user ticks "Keep as words": then they too are kept as words, with no date."""

    fuzzy_dates: tuple[str, ...] = ()

    keep_as_words = forms.BooleanField(
        label=KEEP_AS_WORDS,
        required=False,
        help_text="Tick to save a date that cannot be read (such as “31/02/2010”) as the words "
        "you typed, with no date: it will not be sorted, charted or counted as late.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The dates as they were before this form, to tell a move from a rewording.
        self.dates_before = {name: getattr(self.instance, name) for name in self.fuzzy_dates}
        if not self.fuzzy_dates:
            del self.fields["keep_as_words"]
            return
        # The box goes just after the last date field, where the refusal sends the user.
        order = [name for name in self.fields if name != "keep_as_words"]
        last_date = max(
            (i for i, name in enumerate(order) if name.removesuffix("_text") in self.fuzzy_dates),
            default=len(order) - 1,
        )
        order.insert(last_date + 1, "keep_as_words")
        self.order_fields(order)

    def quarters(self) -> str:
        return "calendar"

    def clean(self):
        cleaned = super().clean()
        keep = cleaned.get("keep_as_words")
        for name in self.fuzzy_dates:
            if f"{name}_text" in cleaned:
                text = cleaned[f"{name}_text"] or ""
                value = fuzzydates.parse(text, quarters=self.quarters())
                if value.problem and not keep:
                    self.add_error(
                        f"{name}_text",
                        f"{value.problem} Correct the date, or tick “{KEEP_AS_WORDS}” to save "
                        "these words with no date.",
                    )
                setattr(self.instance, name, value)
        return cleaned


def describe_reading(value) -> str:
    """How the application understood a date, in words a champion can check."""
    if not value.text:
        return "No date."
    if value.problem:
        return f"{value.problem} Correct it, or tick “{KEEP_AS_WORDS}” to keep it as words."
    if not value.is_dated:
        return f"“{value.text}” has no date we can use: it will be kept as words."
    span = (
        value.earliest.strftime("%-d %b %Y")
        if value.earliest == value.latest
        else " to ".join(
            d.strftime("%-d %b %Y") if d else "open" for d in (value.earliest, value.latest)
        )
    )
    return f"Read as {fuzzydates.format(value)} ({span})."
