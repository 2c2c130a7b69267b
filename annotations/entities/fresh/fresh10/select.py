"""fresh10: 42 aligned UNPC dev lines (six languages) from documents in no annotations file (run once, output frozen in selection.json)."""
import hashlib, json, re, subprocess
from pathlib import Path
U = Path("/work/shared/corpus/unpc-devset")
L = {l: (U / f"UNv1.0.devset.{l}").read_text(encoding="utf-8").splitlines() for l in ["en","zh","fr","es","ru","ar"]}
docs = [x.split()[0] for x in (U / "UNv1.0.devset.ids").read_text().splitlines()]
# every document string mentioned anywhere in annotations/ (silver excepted) or benchmarks results is used
used = set()
txt = subprocess.run("grep -rhoE '20[0-9]{2}/[a-z_0-9/]+' /work/main/annotations --exclude-dir=silver /work/main/annotations/entities/silver/held_out_docs.txt",
                     shell=True, capture_output=True, text=True).stdout
used |= set(txt.split())
# also lines used by unpc:N ids anywhere in annotations
nums = set(map(int, re.findall(r'unpc:(\d+)', subprocess.run("grep -rhoE 'unpc:[0-9]+' /work/main/annotations --exclude-dir=silver", shell=True, capture_output=True, text=True).stdout)))
for n in nums: used.add(docs[n-1])
cue = re.compile(r"\b(Convention|Agreement|Treaty|Protocol|Council|Assembly|Commission|Committee|Organization|Office|Programme|Fund|Agency|Bank|Union|resolution|Secretariat|Court|Conference|Forum|Board|Institute|Group|Mission|\d{4})\b")
by = {}
for i, d in enumerate(docs):
    by.setdefault(d, []).append(i)
order = sorted((d for d in by if d not in used), key=lambda d: hashlib.sha1(("fresh10"+d).encode()).hexdigest())
sel = []
for d in order:
    k = 0
    for i in by[d]:
        en = L["en"][i]
        if not (60 <= len(en) <= 600) or "rule 15" in en or not cue.search(en): continue
        if any(not L[l][i].strip() for l in L): continue
        sel.append(i + 1); k += 1
        if k == 2: break
    if len(sel) >= 42: break
sel = sel[:42]
print(len(sel), len({docs[n-1] for n in sel}), "docs; used docs", len(used))
json.dump({"lines": sel, "docs": sorted({docs[n-1] for n in sel})}, open("/tmp/blind10/selection.json","w"), indent=0)
for l in L:
    with open(f"/tmp/blind10/{l}.tsv","w") as f:
        f.write("N\tdoc\ttext\tenglish\n")
        for n in sel:
            f.write(f"{n}\t{docs[n-1]}\t{L[l][n-1]}\t{L['en'][n-1]}\n")
