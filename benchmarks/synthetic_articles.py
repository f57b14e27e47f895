"""Invented news-style articles for the API benchmark's template store.

Why: the benchmark needs a few dozen articles the real pipeline can ingest (quotations
with "said", people with roles and countries, meetings, visits, accusations, agreements)
without borrowing anyone's text. Everything here is generated from the word lists and
sentence templates below, deterministically from a seed: the people, organisations,
towns and quotations are invented; only the country names are real, so that the actor
table can code the events.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

FIRST = ["Amara", "Tobias", "Ilse", "Kwame", "Marisol", "Dariusz", "Leilani", "Oren", "Sunniva", "Baptiste",
         "Nadira", "Emeka", "Halvard", "Corinna", "Rafik", "Ysolde", "Teodor", "Wanjiru", "Casimir", "Lucila",
         "Anselm", "Priyanka", "Gideon", "Maelle", "Joaquim", "Thandiwe", "Ruslan", "Elowen", "Matthias", "Zuleika",
         "Bronislav", "Ines", "Kofi", "Annika", "Severin", "Dalia", "Florian", "Imani", "Lazlo", "Mireille"]
SURNAME = ["Okonkwo-Vale", "Brandvold", "Castellano", "Mwakilema", "Ferreiro", "Halloran", "Dzhumaev", "Lindqvist",
           "Achterberg", "Rutendo", "Quillfeather", "Sarmiento", "Velikova", "Ashdown", "Nakamoro", "Pellegrin",
           "Obuya", "Strandberg", "Ekwueme", "Marchetti", "Kowalczyk", "Tamburlaine", "Ndovu", "Haldane",
           "Villanueva", "Grimsrud", "Oyelaran", "Bertolucci", "Zawadzki", "Kiprotich", "Montalvo", "Feldhaus",
           "Amankwah", "Sorensby", "Lachowicz", "Mutasa", "Delacroix-Ruiz", "Vantongeren", "Iheanacho", "Rosendahl"]
COUNTRIES = [  # (name, demonym, capital)
    ("Kenya", "Kenyan", "Nairobi"), ("Tanzania", "Tanzanian", "Dodoma"), ("Ghana", "Ghanaian", "Accra"),
    ("Peru", "Peruvian", "Lima"), ("Chile", "Chilean", "Santiago"), ("Norway", "Norwegian", "Oslo"),
    ("Poland", "Polish", "Warsaw"), ("Vietnam", "Vietnamese", "Hanoi"), ("Indonesia", "Indonesian", "Jakarta"),
    ("Brazil", "Brazilian", "Brasilia"), ("Turkey", "Turkish", "Ankara"), ("Egypt", "Egyptian", "Cairo"),
    ("India", "Indian", "New Delhi"), ("Japan", "Japanese", "Tokyo"), ("Canada", "Canadian", "Ottawa"),
    ("Mexico", "Mexican", "Mexico City"), ("Germany", "German", "Berlin"), ("France", "French", "Paris"),
    ("Nigeria", "Nigerian", "Abuja"), ("Argentina", "Argentine", "Buenos Aires"), ("Finland", "Finnish", "Helsinki"),
    ("Morocco", "Moroccan", "Rabat"), ("Thailand", "Thai", "Bangkok"), ("Portugal", "Portuguese", "Lisbon"),
]
TOWNS = ["Port Halvern", "Kestrelmouth", "Dunmarrow", "Saltreach", "Velmora", "Ashkirk", "Brindlecombe", "Orvato",
         "Lowenfeld", "Corrabay", "Tessaly Falls", "Marrowgate", "Pennarth", "Quistow", "Ebberley", "Santa Lucerna"]
ORGS = ["Northgate Mining Group", "Coastal Farmers Alliance", "Meridian Water Authority", "Bluefin Fisheries Union",
        "Redstone Rail Consortium", "Harbour Workers League", "Greenfield Seed Cooperative", "Lumen Grid Company",
        "Silverline Shipping", "Open Ledger Institute", "Riverbend Health Trust", "Copperleaf Energy"]
PUBLISHERS = ["The Daily Lantern", "Harbour Gazette", "Continental Wire", "The Morning Ledger", "Valley Herald",
              "Northern Dispatch", "The Civic Courier", "Atlas News Service", "The Evening Compass", "Riverside Post"]
TOPICS = [  # (short topic, noun phrase, search-friendly keyword)
    ("water", "the sharing of water from the upper river basin", "reservoir"),
    ("grain", "grain exports through the southern ports", "wheat"),
    ("border", "troop movements along the disputed border", "checkpoint"),
    ("fishing", "fishing rights in the shared coastal waters", "trawlers"),
    ("mining", "a strike at the copper mines", "copper"),
    ("election", "the disputed count in last month's election", "ballots"),
    ("power", "a cross-border electricity grid", "turbines"),
    ("railway", "a new freight railway between the two capitals", "locomotives"),
    ("vaccines", "the supply of vaccines to rural clinics", "clinics"),
    ("floods", "relief for villages hit by the floods", "floodwaters"),
    ("debt", "the restructuring of a sovereign loan", "bondholders"),
    ("refugees", "the return of refugees from border camps", "camps"),
]
ROLES = ["Foreign Minister", "Trade Minister", "Defence Minister", "Interior Minister", "Finance Minister",
         "Energy Minister", "Prime Minister", "President"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

QUOTE_SUBJECT = ["We", "Our farmers", "The people of {c}", "My colleagues and I", "Our negotiators"]
QUOTE_VERB = ["will not accept", "are ready to discuss", "have asked for", "cannot support", "would welcome",
              "must not ignore", "intend to defend", "expect to see"]
QUOTE_OBJECT = ["any deal that leaves our farmers without {k}", "a fair settlement on {t}",
                "a timetable that our partners can keep", "more pressure on the families who depend on {k}",
                "an independent inquiry into what happened in {town}", "talks that go nowhere for another year",
                "the first shipments before the end of the month", "a plan that treats both sides as equals"]
QUOTE_TAIL = ["That is our position and it will not change.", "We have said so from the start.",
              "The next few weeks will decide a great deal.", "Our patience is not unlimited.",
              "Everyone at the table knows what is at stake.", "We are still waiting for an answer."]
ACCUSATIONS = ["blocking aid convoys", "spying on its diplomats", "dumping cheap steel", "violating the ceasefire",
               "detaining its fishermen", "interfering in the election", "polluting the river"]


class _Article:
    """One article being written: its cast, its countries, its paragraphs."""

    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.a, self.b = rng.sample(COUNTRIES, 2)
        self.topic = TOPICS[index % len(TOPICS)] if index < len(TOPICS) else rng.choice(TOPICS)
        self.town = rng.choice(TOWNS)
        self.org = rng.choice(ORGS)
        self.publisher = rng.choice(PUBLISHERS)
        self.introduced: set[int] = set()
        self.fillers_left: list[str] = []
        self.day = date(2024, 1, 8) + timedelta(days=rng.randrange(0, 330))
        names = rng.sample([f"{f} {s}" for f in FIRST for s in SURNAME], 6)
        roles = rng.sample(ROLES, 3)
        self.cast = [  # (name, description, country)
            (names[0], f"{self.a[1]} {roles[0]}", self.a), (names[1], f"{self.b[1]} {roles[1]}", self.b),
            (names[2], f"{self.a[1]} {roles[2]}", self.a), (names[3], f"a spokesperson for the {self.org}", None),
            (names[4], f"a {self.b[1]} opposition lawmaker", self.b),
            (names[5], f"an analyst at the {rng.choice(ORGS)}", None),
        ]

    def fill(self, text: str, country: tuple | None = None) -> str:
        c = (country or self.a)[0]
        return text.format(c=c, k=self.topic[2], t=self.topic[1], town=self.town)

    def quotation(self, country: tuple | None) -> str:
        r = self.rng
        return self.fill(f"{r.choice(QUOTE_SUBJECT)} {r.choice(QUOTE_VERB)} {r.choice(QUOTE_OBJECT)}", country)

    def when(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return "on " + WEEKDAYS[self.day.weekday()]
        if r < 0.8:
            d = self.day - timedelta(days=self.rng.randrange(1, 6))
            return f"on {MONTHS[d.month - 1]} {d.day}"
        return "last week"

    def quote_paragraph(self, who: int) -> str:
        name, desc, country = self.cast[who]
        surname = name.split()[-1]
        q, tail = self.quotation(country), self.rng.choice(QUOTE_TAIL)
        form = self.rng.randrange(4 if who in self.introduced else 3)
        self.introduced.add(who)
        if form == 0:
            return f"\u201c{q},\u201d {name}, {desc}, said {self.when()}. \u201c{tail}\u201d"
        if form == 1:
            return f"{name}, {desc}, said that {self.fill(self.rng.choice(QUOTE_OBJECT), country)} was needed."
        if form == 2:
            return f"\u201c{q},\u201d said {name}, {desc}, speaking to reporters in {self.town}."
        return f"\u201c{q}. {tail}\u201d {surname} said."

    def event_sentences(self) -> list[str]:
        a, b, t, w = self.a, self.b, self.topic[1], self.when()
        minister = self.cast[0]
        options = [
            f"Officials from {a[0]} and {b[0]} met in {self.town} {w} for talks on {t}.",
            f"{minister[1]} {minister[0]} visited {b[2]} {w}, the first such trip in years.",
            f"{a[0]} accused {b[0]} of {self.rng.choice(ACCUSATIONS)}, a charge {b[2]} denied.",
            f"{a[0]} and {b[0]} signed an agreement on {t} {w}.",
            f"{b[0]} rejected a proposal from {a[0]} on {t}.",
            f"{a[0]} demanded that {b[0]} withdraw its ambassador.",
            f"{b[0]} condemned the decision by {a[0]} to close the crossing at {self.town}.",
            f"Police in {self.town} arrested {self.rng.randrange(12, 90)} protesters {w}.",
            f"{a[0]} threatened to impose sanctions on {b[0]} over {t}.",
            f"The {b[1]} government praised {a[0]} for its offer of help.",
        ]
        return self.rng.sample(options, 4)

    def filler(self) -> str:
        if not self.fillers_left:
            self.fillers_left = self._fillers()
            self.rng.shuffle(self.fillers_left)
        return self.fillers_left.pop()

    def _fillers(self) -> list[str]:
        r, k = self.rng, self.topic[2]
        return [
            f"The dispute over {self.topic[1]} has simmered for more than a decade, and residents of {self.town} "
            f"say the {k} question touches almost every household in the district.",
            f"Local traders said business had slowed sharply, and several warehouses near {self.town} have "
            f"stopped taking new orders until the talks produce a result.",
            f"Diplomats in {self.a[2]} and {self.b[2]} describe the mood as cautious; a draft text circulated "
            f"this month runs to forty pages, most of it on {k} and inspection rules.",
            f"According to figures published by the {self.org}, output fell by {r.randrange(8, 40)} percent in "
            f"the first half of the year, the steepest drop since {r.randrange(2009, 2020)}.",
            f"Critics of the plan argue that it does little for small producers, who bear most of the cost "
            f"while larger firms in {self.b[2]} are shielded from it.",
        ]

    def write(self) -> tuple[str, str]:
        """(file name, text)."""
        r = self.rng
        k = self.topic[2]
        headline = r.choice([
            f"{self.a[0]} and {self.b[0]} trade blame as {self.topic[0]} talks stall",
            f"{self.town} waits as {self.a[1]} and {self.b[1]} officials argue over {k}",
            f"{self.b[0]} hardens stance on {self.topic[0]} after meeting in {self.town}",
            f"Pressure builds on {self.a[2]} over {self.topic[1]}",
        ])
        reporter = f"{r.choice(FIRST)} {r.choice(SURNAME)}"
        byline = f"By {reporter} | {self.publisher} | {MONTHS[self.day.month - 1]} {self.day.day}, {self.day.year}"
        events = self.event_sentences()
        paras = [f"{self.town.upper()} \u2014 {events[0]} {self.filler()}"]
        order = [0, 1, 3, 2, 4, 5]
        r.shuffle(order)
        for i, who in enumerate(order):
            paras.append(self.quote_paragraph(who))
            if i < len(events) - 1:
                paras.append(events[i + 1] + " " + self.filler())
            elif i % 2:
                paras.append(self.filler())
        paras.append(f"Talks are due to resume in {self.b[2]} next month, officials said.")
        text = "\n\n".join([byline, headline, *paras]) + "\n"
        slug = "-".join(headline.lower().replace("'", "").split()[:6])
        return f"{self.index:03d}-{slug}.txt", text


def write_articles(folder: Path, count: int = 50, seed: int = 0) -> list[Path]:
    """Write ``count`` invented articles as .txt files into ``folder``; their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        name, text = _Article(rng, i).write()
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    import sys
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsgraph-synthetic-articles")
    for p in write_articles(out):
        print(p)
