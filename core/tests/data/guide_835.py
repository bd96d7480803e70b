"""Prints the segments and elements of the 835 implementation guide (005010X221A1) as pyx12's
map has them, one line per segment definition in the guide's order:

    LOOP <tab> SEGMENT <tab> USAGE <tab> MAX-USE <tab> QUALIFIERS <tab> ELEMENTS

QUALIFIERS are the codes the guide allows in the segment's first element (comma separated,
`-` for none). ELEMENTS are space separated `NN:USAGE:TYPE:MIN-MAX`, a composite
`NN:USAGE:C(1:USAGE:TYPE:MIN-MAX,2:…)`; USAGE is R (required), S (situational) or N (not
used); TYPE is the X12 data type (R, N0, DT, TM, ID, AN). Interchange and group envelopes
(ISA, GS, GE, IEA, TA1) are left out. Run with the Python that has pyx12 4.0.0 installed:
core/tests/remit_guide.rs compares its output with core/tests/data/835-guide.tsv.
"""

import os
import xml.etree.ElementTree as ET

import pyx12

MAPS = os.path.join(os.path.dirname(pyx12.__file__), "map")
types = {
    e.get("ele_num"): (e.get("data_type"), e.get("min_len"), e.get("max_len"))
    for e in ET.parse(os.path.join(MAPS, "dataele.xml")).getroot()
}


def element(e):
    kind, low, high = types[e.findtext("data_ele")]
    return f"{e.findtext('usage')}:{kind}:{low}-{high}"


def walk(node, loop):
    for child in node:
        if child.tag == "loop":
            walk(child, child.get("xid"))
        elif child.tag == "segment":
            if child.get("xid") in ("ISA", "GS", "GE", "IEA", "TA1"):
                continue
            parts, codes = [], "-"
            for n, e in enumerate(x for x in child if x.tag in ("element", "composite")):
                number = f"{n + 1:02}"
                if e.tag == "element":
                    parts.append(f"{number}:{element(e)}")
                    if n == 0 and e.find("valid_codes") is not None:
                        codes = ",".join(c.text for c in e.find("valid_codes").findall("code"))
                else:
                    inner = ",".join(
                        f"{k + 1}:{element(c)}" for k, c in enumerate(e.findall("element"))
                    )
                    parts.append(f"{number}:{e.findtext('usage')}:C({inner})")
            print(
                "\t".join(
                    [
                        loop,
                        child.get("xid"),
                        child.findtext("usage"),
                        child.findtext("max_use"),
                        codes,
                        " ".join(parts),
                    ]
                )
            )


walk(ET.parse(os.path.join(MAPS, "835.5010.X221.A1.xml")).getroot(), "-")
