"""A small hand-written corpus for the link tests: two stories, a republication, a translated copy."""

from __future__ import annotations

from newsprism.model import Article, Claim, Entity, Place

FLOOD = ("The Danube burst its banks near Galati on Tuesday, forcing about 42,000 people to leave their homes, "
         "officials said. The prefect Stefan Dumitrescu said four people had died in the county. "
         "Across the river in Izmail, district head Oleksandr Hrytsenko said water had reached the port of Reni "
         "and that evacuations had begun in villages along the Kiliia branch of the delta.")
FLOOD_2 = ("More than 80,000 people have been evacuated along the lower Danube as the flood crest nears the delta, "
           "officials said on Wednesday. Alexander Gritsenko, head of the Izmail district, said Reni and Kilia "
           "were under water. The death toll rose to nine in Romania and Ukraine near Galati.")
STRIKE = ("Dockworkers at the port of Rotterdam walked out on Monday, halting container terminals at the Maasvlakte. "
          "The union Havenbond said 3,500 members joined the strike over pay; Joris van der Berg, its leader, "
          "demanded a 7.5 percent rise. Ships began to queue off the Hook of Holland.")
STRIKE_2 = ("Employers said 2,800 dockers were on strike in Rotterdam on Wednesday and that the stoppage cost "
            "30 million euros a day. Joris van der Berg of the Havenbond union said the strike would go on "
            "until the terminals at the Maasvlakte offered more.")
FURNITURE = "We use cookies to personalise content and ads. Accept all Manage preferences"


def _entity(eid: str, name: str, label: str = "PERSON", *variants: str) -> Entity:
    return Entity(id=eid, name=name, label=label, variants=(name, *variants), mentions=1)


def _claim(text: str, needle: str, value: float, counted: str | None, verb: str | None) -> Claim:
    start = text.index(needle)
    return Claim(start=start, end=start + len(needle), text=needle, value=value, value_text=needle,
                 counted=counted, verb=verb)


def corpus() -> list[Article]:
    """Six articles: flood x3 (one a republication), strike x2, a translated copy naming its source."""
    return [
        Article(id="a1", text=FLOOD, raw_text=FURNITURE + "\n" + FLOOD, title="Danube bursts its banks near Galati",
                url="https://www.dailyharbor.example/1", published="2023-04-11T17:40:00+00:00",
                entities=(_entity("e1", "Oleksandr Hrytsenko", "PERSON", "Hrytsenko"),
                          _entity("e2", "Galati", "GPE")),
                places=(Place(0, 1, "Galati", name="Galati", gazetteer_id="gn:1", entity="e2"),),
                claims=(_claim(FLOOD, "about 42,000", 42000, "people", "forcing"),)),
        Article(id="a2", text=FLOOD_2, raw_text=FURNITURE + "\n" + FLOOD_2, title="Danube flood death toll rises",
                url="https://www.continentalwire.example/2", published="2023-04-12T11:05:00+00:00",
                entities=(_entity("e1", "Alexander Gritsenko", "PERSON", "Gritsenko"), _entity("e2", "Galati", "GPE")),
                claims=(_claim(FLOOD_2, "More than 80,000", 80000, "people", "evacuated"),)),
        Article(id="a3", text="Also read: weather\n" + FLOOD_2, title="Danube flood death toll rises",
                url="https://newsnowhub.example/3", published="2023-04-13T06:30:00+00:00",
                entities=(_entity("e1", "Alexander Gritsenko", "PERSON", "Gritsenko"),)),
        Article(id="a4", text=STRIKE, raw_text=FURNITURE + "\n" + STRIKE, title="Rotterdam dockworkers walk out",
                url="https://www.dailyharbor.example/4", published="2023-06-05T11:20:00+00:00",
                entities=(_entity("e1", "Joris van der Berg"), _entity("e2", "Havenbond", "ORG"))),
        Article(id="a5", text=STRIKE_2, title="Rotterdam strike costs 30 million euros a day",
                url="https://www.continentalwire.example/5", published="2023-06-07T15:30:00+00:00",
                entities=(_entity("e1", "Joris van der Berg"), _entity("e2", "Havenbond", "ORG"))),
        Article(id="a6", text=FLOOD.replace("officials said", "the authorities reported") +
                "\n\nWith information from the Daily Harbor.", title="Romania and Ukraine: Danube flood",
                url="https://www.eeurope-today.example/6", published="2023-04-14T12:00:00+00:00",
                entities=(_entity("e1", "Aleksandr Gritsenko", "PERSON"),)),
    ]
