"""Word lists the speaker and attribution rules read: pronouns, determiners, titles,
role words, heads of speaker phrases (anonymous sources, institutions, documents),
sentence starters, time words, organisation and place words, gendered words.

Unions used in hot loops are built here once.
"""
from __future__ import annotations

def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


PRONOUNS = _set("he she they it we i you who")
PLURAL_PRONOUNS = _set("they we")
ARTICLES = _set("the a an this that these those his her their its our my your")
DETERMINERS = _set("the a an this that these those some many several most both few all "
                   "his her their its our one two three four five six seven eight nine ten "
                   "another other each every any no")
# words that open a sentence and are capitalised for that reason only
STARTERS = _set(
    "the a an but and or so yet in on at for from with without after before during when while "
    "since although though if as by to of this that these those there here it he she they we i "
    "you his her their its our my your however meanwhile still also now then later earlier last "
    "next today yesterday tomorrow some many most several few other others both each every all "
    "no not neither nor either according asked speaking instead indeed perhaps even just only "
    "despite under over through among between against like unlike what who why how where which "
    "whether because including following amid until once again separately similarly moreover "
    "furthermore additionally overall ultimately currently recently previously initially finally "
    "first second third asked told"
)
# titles and honorifics; a name follows them (lower-case, without the period)
TITLES = _set(
    "president vice prime minister secretary sen senator rep representative gov governor mayor "
    "chairman chairwoman chair chairperson director ceo cfo coo cto chief spokesman spokeswoman "
    "spokesperson ambassador gen general adm admiral col colonel lt lieutenant sgt sergeant capt "
    "captain maj major cmdr commander judge justice dr doctor prof professor mr mrs ms miss sir "
    "dame lord lady king queen prince princess pope rev reverend rabbi imam chancellor premier "
    "speaker leader commissioner attorney counsel deputy assistant acting former candidate "
    "nominee founder president-elect head executive officer manager adviser advisor analyst "
    "economist strategist correspondent editor reporter anchor host coach owner sheriff "
    "superintendent congressman congresswoman councilman councilwoman councilor councillor "
    "lawmaker legislator delegate envoy consul official aide fellow researcher scientist author "
    "columnist pastor bishop cardinal archbishop emir sheikh crown sultan chairmen ministers "
    "senators governors rep. sens reps messrs mme detective inspector superintendent trooper "
    "attorney-general general-secretary secretary-general undersecretary under-secretary "
    "spokesmen spokeswomen lady first-lady premier dean provost del"
)
_PERIOD_TITLES = _set("del")
# titles that are nouns (not adjectives like "major", "chief", "former") and can head a phrase
_TITLE_HEADS = TITLES - _set("major general chief acting former first deputy assistant executive lead senior "
                             "vice prime crown lady fellow")
_PREPOSITIONS = _set("for of in on at to from by with about after before during than like into over under")
_FINITE = _set("would will could can should must might may is was are were has have had does did")  # a title only when abbreviated ("Del." for Delegate)
# lower-case words that may stand between a role and a name: "former first lady Laura Bush"
ROLE_WORDS = TITLES | _set(
    "first lady press presidential vice-presidential campaign national senior junior top "
    "foreign defense defence state interior finance trade economic security intelligence "
    "military party majority minority house senate white chief deputy assistant associate "
    "managing executive general principal lead special regional district county city federal "
    "democratic republican conservative liberal labour labor independent then-secretary "
    "then-president running mate critic supporter activist organizer lawyer physician doctor "
    "investor billionaire businessman businesswoman entrepreneur actor actress singer rapper "
    "comedian writer novelist historian professor student teacher pollster consultant "
    "operative surrogate colleague opponent rival challenger incumbent counterpart "
    "administrator commander"
)
# what a cabinet title is "of" (Secretary of State, Director of National Intelligence)
DEPARTMENTS = _set("state defense defence homeland security labor labour energy education commerce "
                   "agriculture transportation treasury staff interior health veterans intelligence "
                   "justice housing national")
ANON_HEADS = _set(
    "official officials source sources aide aides diplomat diplomats insider insiders person "
    "people expert experts analyst analysts observer observers critic critics supporter "
    "supporters opponent opponents spokesman spokeswoman spokesperson spokesmen spokeswomen "
    "representative representatives staffer staffers adviser advisers advisor advisors "
    "strategist strategists economist economists researcher researchers scientist scientists "
    "lawmaker lawmakers legislator legislators member members resident residents witness "
    "witnesses voter voters activist activists leader leaders executive executives employee "
    "employees worker workers protester protesters protestors authorities "
    "investigators investigator prosecutors prosecutor police officers officer commentators "
    "pundits historians scholars experts sources insiders some many others several most few "
    "both observers participants organizers organisers negotiators delegates diplomats "
    "officials aides person someone somebody one "
    "administration-officials doctors physicians lawyers attorneys economists bankers traders "
    "investors manager managers owner owners director directors head chief agents agent those "
    "campaigners advocates proponents detractors skeptics sceptics pollsters polls "
    "friend friends relative relatives neighbor neighbors neighbour neighbours colleague colleagues "
    "ally allies classmate classmates acquaintance acquaintances demonstrators marchers crowd crowds "
    "audience"
)
# members of a party, heads of a speaker phrase after an article: "said an Iowa Democrat"
PARTY_MEMBERS = _set("democrat democrats republican republicans independent independents conservative "
                     "conservatives liberal liberals progressive progressives libertarian libertarians")
INSTITUTION_HEADS = _set(
    "government ministry department agency administration campaign committee commission council "
    "party court military army embassy office company firm bank group groups union organization "
    "organisation association institute board network newspaper paper magazine station team "
    "foundation center centre coalition countries nations sides side country nation state states authority "
    "parties governments companies firms banks unions agencies ministries lawsuit regime "
    "cabinet parliament legislature congress senate house kremlin leadership presidency "
    "prosecution defense defence court judge jury panel delegation mission club democrats "
    "republicans conservatives liberals progressives family"
)
DOCUMENT_HEADS = _set(
    "statement report study survey poll letter memo memorandum document documents filing "
    "complaint release announcement readout communique communiqué declaration editorial "
    "article tweet post book analysis review data figures research ruling order bill "
    "resolution transcript agreement treaty website site message messages note notice email "
    "emails video ad advertisement blog column op-ed estimate estimates projections forecast "
    "model records record summary guidance polls numbers brief briefs motion motions "
    "petition testimony speech remarks interview statistics figures census tally count reports "
    "surveys studies analyses documents papers files accounts"
)
SPEAKER_HEADS = ANON_HEADS | INSTITUTION_HEADS | DOCUMENT_HEADS
PERSON_HEADS_FOR_LINK = _set(
    "spokesman spokeswoman spokesperson head chief member members one some many none all most "
    "each official officials aide aides representative representatives director leader leaders "
    "adviser advisers advisor advisors staffer staffers source sources people person president "
    "chairman secretary minister officer officers employee employees"
)
POSTMODIFIERS = _set("familiar close knowledgeable briefed involved speaking who with aware")
STOP = _set(
    "in on at of for with to from by about after before during than as like into onto upon "
    "and or but nor that which who whom whose while because although though if when where "
    "is was are were be been being am has have had will would can could may might shall "
    "should must do does did not also just never there here it he she they we i you him "
    "them us me said says say told tells according"
)
ADVERBS_BEFORE_CUE = _set(
    "also later then again once previously recently repeatedly publicly privately further "
    "often always never not separately similarly reportedly allegedly already still even "
    "first last finally quickly immediately initially subsequently earlier directly "
    "explicitly flatly bluntly simply clearly openly has have had will would could can may "
    "might did does do must should shall reiterated long sometimes both each all"
)
TIME_WORDS = _set(
    "monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night "
    "today yesterday tonight week weekend month year earlier later day before recently "
    "jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. january february march april "
    "may june july august september october november december"
)
ORG_PLACE_WORDS = _set(
    "house senate congress department ministry committee council party agency bureau office "
    "institute university college school foundation association union bank fund times post "
    "journal news press network television radio tribune herald company corporation corp. inc. "
    "co. ltd. group center centre commission court administration government republic kingdom "
    "states nations korea america coalition campaign forces army navy force guard police service "
    "services organization organisation authority board club church museum hospital airlines "
    "motors street avenue city county province island islands sea river mountain square park hall "
    "capitol kremlin pentagon peninsula treaty dialogue declaration act law project "
    "program programme initiative summit conference forum olympics cup league federation "
    "alliance pact accord agreement plan war crisis election convention caucus primary debate "
    "office street wall motors electric airways group holdings partners capital reserve "
    "security affairs relations studies research mall monument memorial district valley coast "
    "gulf ocean bay lake north south east west northern southern eastern western central new "
    "united democratic republican socialist communist national federal international global "
    "american russian korean chinese japanese british french german european asian african "
    "mexican canadian ukrainian soviet western islamic muslim christian jewish arab "
    "twitter facebook google apple microsoft amazon cnn nbc abc cbs fox msnbc bbc ap reuters "
    "xinhua afp daily weekly monthly magazine online "
    "democrats republicans conservatives liberals progressives "
    "americans voters speech report poll"
)
FEMALE = _set("mrs. ms. miss mrs ms lady queen princess dame spokeswoman chairwoman "
              "congresswoman councilwoman businesswoman actress sister mother wife daughter "
              "first-lady grandmother")
MALE = _set("mr. mr sir king prince lord spokesman congressman councilman businessman "
            "actor brother father husband son grandfather")
NAME_PARTICLES = _set("de del della der den van von bin ibn al el da di du dos das la le y")
# unions of word lists, built once (not at every call)
_ORG_PLACE_OR_TIME = ORG_PLACE_WORDS | TIME_WORDS
_STARTERS_OR_PARTICLES = STARTERS | NAME_PARTICLES
_DETERMINERS_OR_ANON = DETERMINERS | ANON_HEADS
_INSTITUTION_OR_ANON = INSTITUTION_HEADS | ANON_HEADS
_LINK_HEADS = PERSON_HEADS_FOR_LINK | DOCUMENT_HEADS
_LEADING_ROLES = (ROLE_WORDS | DEPARTMENTS | _set("democrat gop libertarian")) - (
    ORG_PLACE_WORDS - DEPARTMENTS - _set("democratic republican"))
#: sentence adverbs set off by commas after a subject ("Ryan, however, was ..."): no apposition
CONNECTIVES = frozenset(["however", "meanwhile", "too", "though", "instead", "also", "in turn", "for his part",
                         "for her part", "for their part", "for its part", "in contrast", "by contrast",
                         "nonetheless", "nevertheless", "likewise", "similarly", "in particular", "of course",
                         "in fact", "indeed", "moreover", "in response", "for example", "for instance"])
