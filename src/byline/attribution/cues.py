"""The cue lexicon: reporting verbs and the words around them that frame an attribution.

Word lists, not rules: the frame finder (`frames.py`) decides how they combine. Belief verbs
(think, believe, fear, hope, understand) are deliberately absent: thoughts are not attributions.
"""

from __future__ import annotations


def _inflect(lemma: str) -> set[str]:
    """Regular English inflections of a verb (enough for the verbs listed here)."""
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x")):
        return {lemma, lemma + "es", lemma + "ed", lemma + "ing"}
    return {lemma, lemma + "s", lemma + "ed", lemma + "ing"}


_IRREGULAR = {
    "say": {"say", "says", "said", "saying"},
    "tell": {"tell", "tells", "told", "telling"},
    "write": {"write", "writes", "wrote", "writing"},
    "admit": {"admit", "admits", "admitted", "admitting"},
    "quip": {"quip", "quips", "quipped", "quipping"},
    "rip": {"rip", "rips", "ripped", "ripping"},
    "go on": {"went on", "goes on"},
    "dub": {"dub", "dubs", "dubbed", "dubbing"},
}

# Verbs whose complement is the reported content (a clause, a quote or both).
_SPEECH = """say tell add state confirm announce write explain note stress warn claim argue insist
admit testify report suggest deny acknowledge recall declare emphasize emphasise highlight promise
predict concede interject protest proclaim reply respond answer caution assert contend maintain
complain remark observe reveal disclose hint post tweet allege pledge vow boast lament quip exclaim
shout counter retort reiterate repeat confess recount inform advise recommend propose demand
underscore point reason speculate theorize charge agree estimate""".split()

# Verbs that take an object (or "object to ...") as the content: "urged Congress to act".
_OBJECT = "urge ask accuse criticize criticise blast slam".split()

# Verbs that attach a quoted label to an object: "called the deployment “dangerous.”"
_LABEL = "call describe dub brand label term rip define".split()

# Cues valid only right after a quote: "“…,” Cooke went on."
_AFTER_QUOTE = ["continue", "interject"]


def _forms(lemmas: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for lemma in lemmas:
        for form in _IRREGULAR.get(lemma) or _inflect(lemma):
            out[form] = lemma
    return out


SPEECH_VERBS = _forms(_SPEECH)
OBJECT_VERBS = _forms(_OBJECT)
LABEL_VERBS = _forms(_LABEL)
AFTER_QUOTE_VERBS = _forms(_AFTER_QUOTE)

# "call for", "warn against": the particle belongs to the cue, the object is the content.
PARTICLE_CUES = {
    ("call", "for"), ("call", "on"), ("warn", "against"), ("hint", "at"), ("advocate", "for"),
    ("point", "out"), ("argue", "for"), ("plead", "for"),
}
PARTICLE_VERBS = _forms(["call", "advocate", "plead"])

# Speech verbs whose reported content needs "that", a colon or a quote ("wrote a screenplay"
# is not speech; "wrote that …" is).
NEEDS_THAT = set(_forms("""add write testify reply respond answer recall protest quip exclaim shout
remark observe counter retort recount lament caution interject continue repeat inform advise
reason speculate theorize charge agree confess post tweet boast promise""".split()))

# Verbs that are also common nouns ("the state", "Editor’s note", "visa warning lists"): their
# base and -s forms count only right after a name, pronoun or agent noun.
NOUN_LIKE = {"state", "states", "note", "notes", "report", "reports", "protest", "protests",
             "warning", "call", "calls", "post", "posts", "answer", "answers", "claim", "claims",
             "promise", "promises", "demand", "demands", "reply", "tweet", "tweets", "counter",
             "charge", "charges", "pledge", "vow", "vows", "boast", "quip", "repeat", "estimate",
             "lament", "remark", "remarks", "address", "release", "statement"}

# "said in a statement", "wrote in an email to …": the medium joins the cue.
MEDIUM_NOUNS = set("""statement interview email e-mail letter call conference briefing video post
tweet podcast speech address broadcast show programme program message memo op-ed column filing
release announcement livestream session appearance remarks testimony episode blog editorial
essay newsletter note interviews""".split())
MEDIUM_PREPS = {"in", "on", "during", "via", "at"}

# Words that may be the whole recipient of "told": "told reporters", "told me".
RECIPIENT_WORDS = set("""reporters journalists me us him her them lawmakers senators members
supporters viewers listeners readers parliament congress investors staff employees students
audience crowd""".split())

# Words skipped between a source and its cue: "Doocy correctly noted", "Reid also urged".
AUXILIARIES = set("""also has have had was were is are will would could can may might should did
does do not never then later again still further repeatedly previously recently publicly once
first finally already even just often frequently long similarly separately earlier yesterday today
tonight now n’t n't""".split())

TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight morning afternoon evening night week month year weekend earlier later recently""".split())

# A cue is not reporting when preceded by these ("was said", "to say", "the said").
BLOCKERS_BEFORE = {"to", "was", "were", "be", "been", "being", "is", "are", "the", "a", "it’s", "it's"}

PRONOUNS = {
    "he": ("person", "m"), "she": ("person", "f"), "i": ("person", None), "we": ("group", None),
    "they": ("group", None), "it": ("organization", None),
}
POSSESSIVES = {"his": "m", "her": "f", "its": None, "their": None}

HONORIFICS = set("""mr mrs ms miss dr prof sir dame lady mx rev fr""".split())
TITLES = set("""president vice prime minister secretary chancellor senator sen rep representative
governor gov mayor chairman chairwoman chair chief director spokesman spokeswoman spokesperson
speaker leader general gen col lt sgt capt commander judge justice attorney head ceo founder
coach manager professor ambassador king queen prince princess pope bishop deputy
secretary-general whip commissioner superintendent sheriff officer executive editor host
cofounder co-founder principal adviser advisor economist analyst""".split())

# Lower-case heads of a source noun phrase, by the speaker type they imply.
PERSON_NOUNS = set("""spokesman spokeswoman spokesperson official source aide adviser advisor
analyst expert economist lawyer attorney diplomat officer executive insider person resident
witness employee staffer member representative researcher scientist doctor teacher student parent
leader minister president senator lawmaker legislator governor mayor chairman chairwoman chair
director secretary chief manager coach founder therapist academic forecaster critic supporter
opponent activist organizer organiser investor trader strategist observer commentator voter adult
provider colleague friend neighbor neighbour son daughter wife husband mother father speaker
chancellor prosecutor judge host anchor correspondent reporter journalist editor author writer
historian professor psychologist chemist physician nurse survivor victim relative campaigner
advocate negotiator general commander soldier user owner worker customer fan player guest
candidate politician official’s people men women children police authorities families
communities residents""".split())
PLURAL_PERSON_NOUNS = {n + "s" for n in PERSON_NOUNS} | {n[:-1] + "ies" for n in PERSON_NOUNS if n.endswith("y")} | {
    "people", "men", "women", "children", "police", "authorities", "families", "communities",
    "staff", "democrats", "republicans", "conservatives", "liberals", "officials",
}
ORG_NOUNS = set("""company firm group agency association committee department ministry office body
government administration council board organization organisation party campaign commission
court union institute university bank service army military foundation network newspaper
website team school cooperative coalition alliance watchdog regulator authority embassy
kremlin pentagon airline manufacturer retailer studio hospital police charity church county state
city club league federation center centre corporation inc corp ltd llc news post times journal
review station""".split())
# Documents standing for their author: "the lawsuit states", "the memo states".
DOC_NOUNS = set("""lawsuit suit memo statement report review letter complaint filing website
document indictment order ruling announcement release post petition motion brief
proposal""".split())
# Findings are not attributions ("a study found", "data showed").
FINDING_NOUNS = set("""study studies research data survey poll analysis findings evidence figures
statistics numbers results paper model way""".split())

DETERMINERS = set("""the a an some many several most few all both other another this that these
those two three four five six more than about nearly almost around one""".split())
QUANTIFIER_OF = set("""some many several most few all both percent per cent third half quarter
majority minority number none one two three rest""".split())

# Words that begin a new clause: the source of a cue never extends past them to the left.
CLAUSE_WORDS = set("""that but while as because when after before if though although since where
which who whom whose so and or yet nor than whether until unless""".split())

# Capitalised at a sentence start but never a name: "Just after …", "Additionally, …".
SENTENCE_WORDS = set("""the a an in on at but and as it this that when if for of by while though
although after before since however meanwhile so still yet even then now because unless until
once like with from to under over during despite asked speaking according earlier later today
yesterday indeed instead also last next our your their his her its my some many most every each
both all no not why what how where who which dear just additionally moreover furthermore besides
overall finally first second third plus again only perhaps maybe here there such other another
thus hence these those""".split())

ABBREVIATIONS = set("""mr mrs ms dr prof sen rep gov lt gen col sgt capt st jr sr mt ft no vs
jan feb mar apr jun jul aug sep sept oct nov dec inc co corp ltd etc approx dept est fig rev
ave blvd""".split())
