"""Build the package's country tables from open data plus a list of well-known facts.

Writes src/newsgraph/data/countries.tsv (iso3, name, aliases: names and demonyms,
'|'-separated) from data/ngec/countries.csv (MIT), and
src/newsgraph/data/metonyms.tsv (term, iso3): capital cities and seats of
government that news uses to mean the country ("Moscow said", "a Kremlin envoy").
The built tables are committed; the package never reads ../shared at run time.

Run: python scripts/build_tables.py [path/to/shared]
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsgraph" / "data"

# Capital cities (facts, ISO 3166 alpha-3).
CAPITALS = {
    "AFG": "Kabul", "ALB": "Tirana", "DZA": "Algiers", "AGO": "Luanda", "ARG": "Buenos Aires",
    "ARM": "Yerevan", "AUS": "Canberra", "AUT": "Vienna", "AZE": "Baku", "BHR": "Manama",
    "BGD": "Dhaka", "BLR": "Minsk", "BEL": "Brussels", "BOL": "La Paz", "BIH": "Sarajevo",
    "BRA": "Brasilia|Brasília", "BGR": "Sofia", "KHM": "Phnom Penh", "CMR": "Yaounde", "CAN": "Ottawa",
    "CHL": "Santiago", "CHN": "Beijing", "COL": "Bogota|Bogotá", "HRV": "Zagreb", "CUB": "Havana",
    "CYP": "Nicosia", "CZE": "Prague", "DNK": "Copenhagen", "EGY": "Cairo", "EST": "Tallinn",
    "ETH": "Addis Ababa", "FIN": "Helsinki", "FRA": "Paris", "GEO": "Tbilisi", "DEU": "Berlin",
    "GHA": "Accra", "GRC": "Athens", "HUN": "Budapest", "ISL": "Reykjavik", "IND": "New Delhi",
    "IDN": "Jakarta", "IRN": "Tehran", "IRQ": "Baghdad", "IRL": "Dublin", "ISR": "Jerusalem",
    "ITA": "Rome", "JPN": "Tokyo", "JOR": "Amman", "KAZ": "Astana|Nur-Sultan", "KEN": "Nairobi",
    "KWT": "Kuwait City", "KGZ": "Bishkek", "LVA": "Riga", "LBN": "Beirut", "LBY": "Tripoli",
    "LTU": "Vilnius", "MYS": "Kuala Lumpur", "MEX": "Mexico City", "MDA": "Chisinau", "MNG": "Ulaanbaatar",
    "MAR": "Rabat", "MMR": "Naypyidaw", "NPL": "Kathmandu", "NLD": "Amsterdam|The Hague",
    "NZL": "Wellington", "NGA": "Abuja", "PRK": "Pyongyang", "NOR": "Oslo", "OMN": "Muscat",
    "PAK": "Islamabad", "PER": "Lima", "PHL": "Manila", "POL": "Warsaw", "PRT": "Lisbon",
    "QAT": "Doha", "ROU": "Bucharest", "RUS": "Moscow", "SAU": "Riyadh", "SRB": "Belgrade",
    "SGP": "Singapore", "SVK": "Bratislava", "SVN": "Ljubljana", "SOM": "Mogadishu",
    "ZAF": "Pretoria", "KOR": "Seoul", "ESP": "Madrid", "LKA": "Colombo", "SDN": "Khartoum",
    "SWE": "Stockholm", "CHE": "Bern", "SYR": "Damascus", "TWN": "Taipei", "TJK": "Dushanbe",
    "THA": "Bangkok", "TUN": "Tunis", "TUR": "Ankara", "TKM": "Ashgabat", "UGA": "Kampala",
    "UKR": "Kyiv|Kiev", "ARE": "Abu Dhabi", "GBR": "London", "USA": "Washington",
    "UZB": "Tashkent", "VEN": "Caracas", "VNM": "Hanoi", "YEM": "Sanaa", "ZWE": "Harare",
}

# Seats and organs of government named for the country.
SEATS = {
    "RUS": "Kremlin", "USA": "White House|Pentagon|Capitol Hill|State Department",
    "GBR": "Downing Street|Whitehall|Westminster", "FRA": "Elysee|Élysée|Quai d'Orsay",
    "CHN": "Zhongnanhai", "DEU": "Bundestag", "JPN": "Kasumigaseki",
}


def build(shared: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    with open(shared / "data" / "ngec" / "countries.csv", encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            iso3, name = rec["CCA3"].strip(), rec["Name"].strip()
            aliases = [a.strip() for a in rec["Nationality"].split(",") if a.strip()]
            rows.append((iso3, name, "|".join(dict.fromkeys(aliases))))
    rows.sort()
    with open(OUT / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("# iso3\tname\taliases (names and demonyms); built by scripts/build_tables.py from NGEC countries.csv (MIT)\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    with open(OUT / "metonyms.tsv", "w", encoding="utf-8") as fh:
        fh.write("# term\tiso3: capitals and seats of government; built by scripts/build_tables.py\n")
        for table in (CAPITALS, SEATS):
            for iso3, terms in sorted(table.items()):
                for term in terms.split("|"):
                    fh.write(f"{term}\t{iso3}\n")
    print(f"wrote {len(rows)} countries to {OUT / 'countries.tsv'}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared")
