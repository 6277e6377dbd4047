"""A page's form as a browser would submit it: the tests post what the page rendered, not what they assume."""

from html.parser import HTMLParser


class _FormFields(HTMLParser):
    """The successful controls of the form with ``form_id``: those inside it and those naming it (form="...")."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.select = None
        self.select_first = None
        self.fields: dict[str, str] = {}

    def _belongs(self, attrs) -> bool:
        return attrs.get("form") == self.form_id or (self.inside and "form" not in attrs)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        elif tag == "input" and attrs.get("name") and self._belongs(attrs):
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields[attrs["name"]] = attrs.get("value", "on" if kind in ("checkbox", "radio") else "")
        elif tag == "select" and attrs.get("name") and self._belongs(attrs) and "multiple" not in attrs:
            self.select, self.select_first = attrs["name"], None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.select_first is None:
                self.select_first = value
                self.fields.setdefault(self.select, value)
            if "selected" in attrs:
                self.fields[self.select] = value

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def form_fields(html: str, form_id: str) -> dict[str, str]:
    parser = _FormFields(form_id)
    parser.feed(html)
    return parser.fields


def register_form(client, url: str, response=None) -> dict[str, str]:
    """The participation register's form as the page at ``url`` (or the given response) renders it."""
    response = response if response is not None else client.get(url)
    assert response.status_code == 200, response.status_code
    return form_fields(response.content.decode(), "register-form")


def confirm_send(client, url: str, *, back: str = "", language: str = "", **overrides):
    """Send a message to many people the only way the portal allows: open its confirmation screen at ``url`` (which
    must show a preview), then submit that screen's confirming form, as the secretariat's click would."""
    query = {key: value for key, value in (("back", back), ("language", language)) if value}
    screen = client.get(url, query)
    assert screen.status_code == 200, screen.status_code
    html = screen.content.decode()
    form_id = "confirm-send" if 'id="confirm-send"' in html else "publish-correction"
    if 'id="publish-form"' in html:
        form_id = "publish-form"
    fields = form_fields(html, form_id)
    assert fields, f"no confirming form on {url}"
    return client.post(url, {**fields, **overrides})
