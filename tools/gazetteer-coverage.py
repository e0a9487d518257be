#!/usr/bin/env python3
"""List the countries named in the dev corpus (by name, alias or demonym) and the current
(until: "") holders people.ron has for head of state, head of government, foreign minister
and defence minister.  Usage: python3 tools/gazetteer-coverage.py [repo-root]"""
import re, glob, sys, os
root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
G = os.path.join(root, 'data/gazetteer')
ctext = open(f'{G}/countries.ron').read()
countries = []
for block in re.findall(r'\(\s*name: "(.*?)",\s*iso2: "(.*?)",\s*iso3: "(.*?)",\s*aliases: \[(.*?)\],\s*capital: "(.*?)",\s*capital_aliases: \[(.*?)\],\s*demonyms: \[(.*?)\]', ctext, re.S):
    name, iso2, iso3, aliases, capital, capal, dem = block
    forms = [name] + re.findall(r'"(.*?)"', aliases) + re.findall(r'"(.*?)"', dem)
    forms = [f for f in forms if len(f) > 2 and f not in ('US',)] + (['US'] if iso3 == 'USA' else [])
    countries.append((iso3, name, forms))
ptext = open(f'{G}/people.ron').read()
# split people entries
people = []
for chunk in re.split(r'\n    \(\n', ptext)[1:]:
    mm = re.search(r'name: "(.*?)"', chunk)
    if not mm:
        continue
    name, roles = mm.group(1), chunk
    for r in re.finditer(r'title: "(.*?)", country: "(.*?)", org: "(.*?)", since: "(.*?)", until: "(.*?)"', roles):
        people.append((name,) + r.groups())
HOS = {'President', 'King', 'Queen', 'Emir', 'Amir', 'Sultan', 'Grand Duke', 'Prince', 'Pope', 'Acting President',
       'Transitional President', 'Head of State', 'Supreme Leader', 'Chairman of the Presidential Council',
       'Chairman of the Presidency', 'Chairman of the Sovereignty Council', 'Chairman of the Presidential Leadership Council',
       'Governor-General', 'Co-Prince', 'Captain Regent', 'Interim President', 'Sovereign Prince', 'Emperor', 'Member of the Presidency', 'Chairperson', 'Chairman', 'Chairwoman', 'President of the Council of Ministers'}
HOG = {'Prime Minister', 'Chancellor', 'Premier', 'Taoiseach', 'Acting Prime Minister', 'Interim Prime Minister', 'Chief Executive', 'Chief Adviser', 'Chair of the Council of Ministers', 'Chairman of the Cabinet of Ministers'}
FM = {'Foreign Minister', 'Foreign Secretary', 'Secretary of State', 'Minister of Foreign Affairs', 'Foreign Affairs Minister',
      'Deputy Prime Minister and Foreign Minister'}
DM = {'Defence Minister', 'Defense Minister', 'Defence Secretary', 'Defense Secretary', 'Secretary of Defense', 'Secretary of War', 'Minister of Defence'}
text = '\n'.join(open(f).read() for f in glob.glob(f'{root}/data/corpus/dev/*.txt'))
rows = []
for iso3, name, forms in countries:
    n = sum(len(re.findall(r'(?<![\w])' + re.escape(f) + r'(?![\w])', text)) for f in forms)
    if n == 0:
        continue
    cur = [p for p in people if p[2] == iso3 and p[5] == '']
    def holders(s):
        return ', '.join(p[0] + ('' if p[1] in ('President', 'Prime Minister', 'Foreign Minister', 'Defence Minister') else f' [{p[1]}]') for p in cur if p[1] in s)
    rows.append((iso3, name, n, holders(HOS), holders(HOG), holders(FM), holders(DM)))
print(f'{"ISO":4} {"country":24} {"hits":>5} | HoS | HoG | FM | DM')
for r in sorted(rows, key=lambda r: -r[2]):
    print(f'{r[0]:4} {r[1][:24]:24} {r[2]:5} | {r[3] or "-"} | {r[4] or "-"} | {r[5] or "-"} | {r[6] or "-"}')
print(f'\n{len(rows)} countries in corpus; missing HoS: {sum(1 for r in rows if not r[3])}, HoG: {sum(1 for r in rows if not r[4])}, FM: {sum(1 for r in rows if not r[5])}, DM: {sum(1 for r in rows if not r[6])}')
