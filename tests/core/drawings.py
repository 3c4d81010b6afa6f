"""Reading a drawing made on the server (``core.svg``) the way the tests check it."""

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def parsed(svg: str) -> ET.Element:
    """The drawing is well-formed XML, has a title and a description, and fetches nothing from
    anywhere."""
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert "href" not in svg and "url(" not in svg and "<script" not in svg
    assert root.find(f"{SVG}title").text and root.find(f"{SVG}desc").text
    return root


def texts(root: ET.Element) -> list[str]:
    """The words printed on the drawing, in order."""
    return [element.text for element in root.iter(f"{SVG}text")]
