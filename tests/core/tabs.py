"""A browser tab, for tests of two people editing at once: it opens a form page and posts the
form back as a browser would (what the page shows, a ticked box as "on", a textarea's lines
ending "\\r\\n"), with the user's typing on top."""

from django import forms


def as_posted(form) -> dict:
    data = {}
    for field in form:
        value = field.value()
        widget = field.field.widget
        widget = getattr(widget, "widget", widget)  # the admin wraps related fields' widgets
        if isinstance(widget, forms.SelectMultiple | forms.CheckboxSelectMultiple):
            data[field.html_name] = [str(item) for item in value or []]
            continue
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[field.html_name] = "on"
            continue
        if value is None:
            value = ""
        if isinstance(widget, forms.DateInput):
            value = widget.format_value(value) or ""
        if isinstance(widget, forms.Textarea):
            value = str(value).replace("\r\n", "\n").replace("\n", "\r\n")
        data[field.html_name] = str(value)
    return data


class Tab:
    def __init__(self, client, url):
        self.client = client
        self.url = url
        self.data = {}

    def open(self, form_name="form"):
        response = self.client.get(self.url)
        assert response.status_code == 200
        self.data = as_posted(response.context[form_name])
        return self

    def save(self, form_name="form", *, keep_form=True, **typed):
        """Post the form as it is on the page with ``typed`` on top; the form on the page the
        answer shows becomes the tab's form (a refused save shows the form again). Tabs saving
        in threads at once pass ``keep_form=False``: the test client's record of the rendered
        page is shared between threads."""
        response = self.client.post(self.url, {**self.data, **typed})
        assert response.status_code != 500
        if keep_form and response.status_code == 200 and form_name in (response.context or {}):
            self.data = as_posted(response.context[form_name])
        return response


def formsets_posted(formsets) -> dict:
    data = {}
    for formset in formsets:
        data.update(as_posted(formset.management_form))
        for form in formset.forms:
            data.update(as_posted(form))
    return data


def admin_posted(response) -> dict:
    """An admin change page's form and its inline forms, as the browser posts them back."""
    data = as_posted(response.context["adminform"].form)
    data.update(
        formsets_posted(inline.formset for inline in response.context["inline_admin_formsets"])
    )
    return data


class AdminTab(Tab):
    def open(self, form_name="adminform"):
        response = self.client.get(self.url)
        assert response.status_code == 200
        self.data = admin_posted(response)
        return self

    def save(self, form_name="adminform", **typed):
        response = self.client.post(self.url, {**self.data, **typed})
        assert response.status_code != 500
        if response.status_code == 200:
            self.data = admin_posted(response)
        return response
