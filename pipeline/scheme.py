"""The label scheme in one place (GUIDELINES.md): entity labels, paragraph types, strength classes,
intensities, and the colors and shortcut keys that doccano and the HTML views use."""
ENTITY_LABELS = ["RESOLUTION", "TREATY", "DATE", "ORG", "DOCUMENT"]
PARAGRAPH_TYPES = ["preambular", "operative", "other"]
STRENGTH_CLASSES = ["decide", "urge", "request", "encourage", "declare"]  # strongest first
INTENSITIES = ["none", "strong", "strongest"]
# one distinct colour per entity label, strength class and the addressee mark (tests/test_show.py checks it)
COLORS = {"RESOLUTION": "#1f77b4", "TREATY": "#9467bd", "DATE": "#2ca02c", "ORG": "#ff7f0e", "DOCUMENT": "#8c564b",
          "decide": "#d62728", "urge": "#e377c2", "request": "#bcbd22", "encourage": "#17becf", "declare": "#7f7f7f",
          "ADDRESSEE": "#005f73"}
SHORTCUTS = {"RESOLUTION": "r", "TREATY": "t", "DATE": "d", "ORG": "o", "DOCUMENT": "m",
             "decide": "1", "urge": "2", "request": "3", "encourage": "4", "declare": "5"}
