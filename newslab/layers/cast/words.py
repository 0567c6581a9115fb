"""Word lists in general English that the cast rules read: titles, person nouns, speech and role verbs, organisation and place heads."""

from __future__ import annotations

# ---------------------------------------------------------------- word lists (general English)


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles written before a name: "Senator Lindsey Graham", "Mrs May".
_MALE_TITLES = _wordset("mr mr. sir lord king prince congressman chairman councilman father")
_FEMALE_TITLES = _wordset(
    "mrs mrs. ms ms. miss dame lady queen princess congresswoman chairwoman councilwoman sister madam"
)
_TITLES = (
    _MALE_TITLES
    | _FEMALE_TITLES
    | _wordset(
        """president vice senator sen. sen representative rep. rep governor gov. gov mayor secretary
        ambassador judge justice general gen. minister prime chancellor pope dr dr. prof. professor speaker
        director attorney chief lt. col. capt. sgt. rev. reverend commissioner sheriff detective officer
        agent coach councillor premier leader chair"""
    )
)
# Nouns that name what a person is: heads of descriptions and appositives.
_PERSON_NOUNS = _wordset(
    """president senator representative congressman congresswoman lawmaker legislator governor mayor
    ambassador envoy diplomat minister secretary spokesman spokeswoman spokesperson chairman chairwoman
    chair leader director chief official candidate nominee judge justice prosecutor lawyer attorney
    adviser advisor aide founder executive ceo king queen prince princess pope general officer speaker
    democrat republican analyst economist professor author reporter journalist commissioner chancellor
    premier manager strategist head businessman businesswoman billionaire actor actress activist
    researcher scientist doctor coach player owner investor president-elect vice-president counsel
    sheriff detective agent spy dictator monarch commander inspector auditor administrator deputy whip
    incumbent challenger man woman father mother son daughter wife husband brother sister boss host
    anchor editor columnist historian expert teacher student victim suspect witness defendant plaintiff
    councillor"""
)
_FEMALE_NOUNS = _wordset(
    """congresswoman spokeswoman chairwoman businesswoman actress queen princess woman mother daughter
    wife sister councilwoman"""
)
_MALE_NOUNS = _wordset(
    "congressman spokesman chairman businessman king prince man father son husband brother"
)
# Person nouns too vague to stand for one person on their own ("the head", "the owner").
_DESCRIPTION_NOUNS = _PERSON_NOUNS - _wordset(
    """head chief general host anchor player student victim witness expert owner author boss editor teacher
    historian member suspect agent officer speaker justice counsel"""
)
# Verbs of saying (lemmas): their subject is someone (or some organisation) speaking.
_SPEECH_VERBS = _wordset(
    """say tell add argue state write tweet claim ask explain warn insist note reply respond announce
    declare deny admit suggest acknowledge recall complain urge testify predict caution vow pledge
    promise concede remark observe contend allege assert maintain confirm criticise criticize praise
    accuse describe call"""
)
# Verbs of a "who" clause that state a role: "McCain, who chairs the … committee".
_ROLE_VERBS = _wordset(
    "chair lead head run represent direct manage own found co-found oversee serve command govern"
)
# Party words: an affiliation of a person ("Republican senators"), not an entity of their own.
_PARTY_WORDS = _wordset(
    """republican republicans democrat democrats democratic conservative conservatives labour liberal
    liberals tory tories libertarian socialist socialists green greens gop"""
)
# Words that show a name belongs to an organisation.
_ORG_WORDS = _wordset(
    """committee council department ministry agency office party inc inc. ltd corp corp. company bank
    university college school institute association union court house senate congress parliament
    assembly commission board bureau service services group foundation fund organisation organization
    network news times post journal press police army navy force campaign administration government
    club team nations federation authority centre center church hospital"""
)
# The last word of a company's or a newspaper's name: "Hollins Water", "Pellow Group", "the Elmside
# Gazette". A name ending in one is an organisation, whatever the model says.
_ORG_SUFFIXES = _wordset(
    """water energy gas power electric utilities group holdings partners partnership trust company co
    inc inc. ltd ltd. plc llc corp corp. bank airlines airways motors media gazette courier herald
    telegraph chronicle tribune observer mail mirror echo express sentinel examiner journal times post
    news press council committee ministry agency association union commission board bureau foundation
    fund network authority federation today now tonight tomorrow"""
)  # "Kestrel Today", "Parks Now": a time word closing a name names a programme or a campaign
# Lower-case words that open a clause: a name never runs past one ("the Daily Courier that Southvale").
_CLAUSE_WORDS = frozenset(
    {"that", "which", "who", "whom", "whose", "where", "when", "while", "because", "whether"}
)
# A committee-like noun after an organisation name extends it: "the Senate armed services committee".
_ORG_HEADS = _wordset(
    "committee subcommittee commission panel caucus council delegation campaign administration "
    "department agency"
)
# The last word of a place's name: "Old Mill Bridge", "Hyde Park", "Heathrow Airport".
_PLACE_HEADS = _wordset(
    """bridge river street road avenue square park airport station harbour harbor port lake mountain
    valley bay island beach highway motorway tunnel canal"""
)
_MALE_PRONOUNS = {"he", "him", "his", "himself"}
_FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "di", "du", "van", "von", "der", "den", "la", "le"}
