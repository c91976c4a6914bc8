package norm

import (
	"strings"

	"github.com/kljensen/snowball/english"
)

// inflections are the endings usSpelling looks through: a rule for
// "centre" also applies to centres, centred and centring.
var inflections = []string{"", "s", "es", "d", "ed", "ing", "r", "er", "ers", "ful", "less", "ly"}

// ukWords maps UK spellings (and UK words with -our, -re, -ence, -ogue,
// doubled l, -mme) that rules cannot safely find to their US forms. Each
// entry also covers its inflections (see inflections), except where a form
// is listed on its own.
var ukWords = map[string]string{
	"programme": "program", "programmes": "programs", "programmed": "programed",
	"centre": "center", "centred": "centered", "centring": "centering",
	"theatre": "theater", "fibre": "fiber", "calibre": "caliber",
	"lustre": "luster", "meagre": "meager", "sabre": "saber", "sceptre": "scepter",
	"spectre": "specter", "sombre": "somber", "mitre": "miter", "goitre": "goiter",
	"manoeuvre": "maneuver", "manoeuvred": "maneuvered", "manoeuvring": "maneuvering",
	"litre": "liter", "metre": "meter",
	"defence": "defense", "offence": "offense", "licence": "license",
	"pretence": "pretense", "licenced": "licensed", "licencing": "licensing",
	"catalogue": "catalog", "catalogued": "cataloged", "dialogue": "dialog",
	"analogue": "analog", "monologue": "monolog", "epilogue": "epilog",
	"prologue":  "prolog",
	"traveller": "traveler", "jewellery": "jewelry", "marvellous": "marvelous",
	"counsellor": "counselor", "councillor": "councilor", "woollen": "woolen",
	"fulfil": "fulfill", "fulfilment": "fulfillment", "enrol": "enroll",
	"enrolment": "enrollment", "instalment": "installment", "skilful": "skillful",
	"wilful": "willful", "distil": "distill", "instil": "instill",
	"grey": "gray", "tyre": "tire", "kerb": "curb", "plough": "plow",
	"cheque": "check", "storey": "story", "aluminium": "aluminum",
	"judgement": "judgment", "ageing": "aging", "acknowledgement": "acknowledgment",
	"mould": "mold", "smoulder": "smolder", "sceptic": "skeptic", "sceptical": "skeptical",
	"paediatric": "pediatric", "encyclopaedia": "encyclopedia", "anaemia": "anemia",
	"oesophagus": "esophagus", "oestrogen": "estrogen", "foetus": "fetus",
	"draught": "draft", "pyjamas": "pajamas", "whilst": "while", "amongst": "among",
	"practise": "practice", "practised": "practiced", "practising": "practicing",
	"enquiry": "inquiry", "enquiries": "inquiries", "towards": "toward", "learnt": "learned",
	"aeroplane": "airplane", "spelt": "spelled", "dreamt": "dreamed", "burnt": "burned",
}

// doubledL are verbs whose final l is doubled before -ed, -ing and -er in
// UK spelling (travelled, labelling, modeller) but not in US spelling.
var doubledL = []string{
	"travel", "cancel", "label", "model", "fuel", "signal", "counsel", "level",
	"channel", "total", "equal", "dial", "quarrel", "tunnel", "rival", "marshal",
	"pedal", "shovel", "jewel", "panel", "parcel", "libel", "pencil", "stencil",
	"initial", "duel", "enamel", "grovel", "marvel", "revel", "swivel", "towel",
	"unravel", "snorkel", "yodel", "bevel", "chisel", "funnel", "gambol", "hostel",
	"kennel", "refuel", "remodel", "spiral", "tassel",
}

// ourExceptions end in -our in US English too.
var ourExceptions = map[string]bool{
	"our": true, "your": true, "four": true, "hour": true, "tour": true, "pour": true,
	"flour": true, "sour": true, "dour": true, "scour": true, "contour": true,
	"detour": true, "devour": true, "velour": true, "amour": true, "paramour": true,
	"troubadour": true, "downpour": true, "gilour": true,
}

// iseExceptions are -ise words that are spelled -ise in US English too.
var iseExceptions = map[string]bool{
	"advertise": true, "advise": true, "apprise": true, "arise": true, "chastise": true,
	"circumcise": true, "comprise": true, "compromise": true, "concise": true,
	"demise": true, "despise": true, "devise": true, "disguise": true, "enterprise": true,
	"excise": true, "exercise": true, "expertise": true, "franchise": true,
	"improvise": true, "incise": true, "merchandise": true, "precise": true,
	"premise": true, "promise": true, "revise": true, "rise": true, "sunrise": true,
	"supervise": true, "surmise": true, "surprise": true, "televise": true,
	"treatise": true, "wise": true, "otherwise": true, "likewise": true,
	"clockwise": true, "noise": true, "poise": true, "raise": true, "praise": true,
	"cruise": true, "bruise": true, "paradise": true, "reprise": true, "prise": true,
	"porpoise": true, "tortoise": true, "mortise": true, "anise": true, "guise": true,
	"vise": true, "braise": true, "chaise": true, "valise": true, "upraise": true,
	"moise": true, "denise": true, "louise": true, "elise": true,
	"imprecise": true, "uprise": true, "sise": true, "bise": true, "appraise": true,
	"reappraise": true, "exorcise": true, "misadvise": true, "streetwise": true,
}

// usSpelling returns the US spelling of a lower-case word.
func usSpelling(w string) string {
	for _, inf := range inflections {
		base, ok := strings.CutSuffix(w, inf)
		if !ok || base == "" {
			continue
		}
		if us, ok := ukWords[base]; ok {
			return us + inf
		}
	}
	if us, ok := ukWords[w]; ok {
		return us
	}
	w = metreLitre(w)
	w = doubledLForm(w)
	w = ourForm(w)
	w = iseForm(w)
	return w
}

// metreLitre spells kilometre, millilitre … as kilometer, milliliter.
func metreLitre(w string) string {
	for _, uk := range []string{"metre", "litre"} {
		i := strings.Index(w, uk)
		if i < 0 {
			continue
		}
		rest := w[i+len(uk):]
		if rest == "" || rest == "s" {
			return w[:i] + uk[:len(uk)-2] + "er" + rest
		}
	}
	return w
}

// doubledLForm spells travelled, travelling, traveller as traveled, traveling, traveler.
func doubledLForm(w string) string {
	for _, v := range doubledL {
		if len(w) <= len(v) || w[len(v)] != 'l' || !strings.HasPrefix(w, v) {
			continue
		}
		switch rest := w[len(v)+1:]; rest {
		case "ed", "ing", "er", "ers", "ous", "ously":
			return v + rest
		}
	}
	return w
}

// ourForm spells colour, honourable, favourite as color, honorable, favorite.
func ourForm(w string) string {
	i := strings.LastIndex(w, "our")
	if i < 2 {
		return w
	}
	base, rest := w[:i+3], w[i+3:]
	if ourExceptions[base] || strings.HasSuffix(base, "hour") || strings.HasSuffix(base, "tour") || strings.HasSuffix(base, "four") {
		return w
	}
	switch rest {
	case "", "s", "ed", "ing", "ings", "able", "ably", "ite", "ites", "er", "ers", "ful", "less",
		"ist", "ists", "ism", "hood", "hoods", "ly", "y", "al", "ally", "ise", "ize", "ised", "ized",
		"ising", "izing":
	default:
		return w
	}
	if i < 3 && base != "odour" {
		return w
	}
	return w[:i] + "or" + rest
}

// iseSuffixes are the UK -ise/-yse endings with their US forms and the
// uninflected ending that names the word in iseExceptions.
var iseSuffixes = []struct{ uk, us, stem string }{
	{"ise", "ize", "ise"}, {"ises", "izes", "ise"}, {"ised", "ized", "ise"}, {"iser", "izer", "ise"},
	{"isers", "izers", "ise"}, {"ising", "izing", "ise"},
	{"yse", "yze", "yse"}, {"yses", "yzes", "yse"}, {"ysed", "yzed", "yse"}, {"yser", "yzer", "yse"},
	{"ysers", "yzers", "yse"}, {"ysing", "yzing", "yse"},
}

// iseForm spells organise, organisation, analyse as organize, organization, analyze.
func iseForm(w string) string {
	if !strings.Contains(w, "is") && !strings.Contains(w, "ys") {
		return w
	}
	if i := strings.LastIndex(w, "isation"); i >= 3 {
		return w[:i] + "ization" + w[i+len("isation"):]
	}
	for _, f := range iseSuffixes {
		base, ok := strings.CutSuffix(w, f.uk)
		if !ok || len(base) < 3 || strings.HasSuffix(base, "w") || iseExceptions[base+f.stem] {
			continue
		}
		return base + f.us
	}
	return w
}

// irregular maps plural and verb forms the stemmer does not join to the
// form it gives for their base word.
//
// Where a plural is also a verb form (leaves, lives, analyses), the singular
// is sent to the verb's key instead (leaf = leaves = leave, life = lives,
// analysis = analyses = analyze), so that both readings still meet: maternity
// leave = maternity leaves. A plural shared by two nouns (bases: base and
// basis; axes: axe and axis) keeps the key of the one it spells (base, axe).
var irregular = map[string]string{
	"crises": "crisis", "theses": "thesis", "hypotheses": "hypothesis",
	"diagnoses": "diagnosis", "syntheses": "synthesis", "emphases": "emphasis",
	"parentheses": "parenthesis", "prognoses": "prognosis", "oases": "oasis",
	"bases": "base", "criteria": "criterion",
	"phenomena": "phenomenon", "children": "child", "women": "woman", "men": "man",
	"feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
	"people": "people", "data": "data", "media": "media", "does": "do", "goes": "go",
	// -f, -fe → -ves
	"wolves": "wolf", "knives": "knife", "wives": "wife", "halves": "half",
	"shelves": "shelf", "thieves": "thief", "calves": "calf", "loaves": "loaf",
	"selves": "self", "elves": "elf", "scarves": "scarf", "wharves": "wharf",
	"hooves": "hoof", "sheaves": "sheaf", "leaf": "leave", "life": "live",
	"analysis": "analyze",
	// -ix, -ex → -ices
	"indices": "index", "appendices": "appendix", "matrices": "matrix",
	"vertices": "vertex", "vortices": "vortex", "codices": "codex", "apices": "apex",
	"helices": "helix", "cortices": "cortex",
	// -s, -z → -ses, -zzes
	"buses": "bus", "gases": "gas", "biases": "bias", "aliases": "alias",
	"atlases": "atlas", "canvases": "canvas", "quizzes": "quiz",
	// Latin and Greek plurals
	"stimuli": "stimulus", "nuclei": "nucleus", "radii": "radius", "foci": "focus",
	"fungi": "fungus", "cacti": "cactus", "alumni": "alumnus", "syllabi": "syllabus",
	"loci": "locus", "curricula": "curriculum", "memoranda": "memorandum",
	"strata": "stratum", "addenda": "addendum", "referenda": "referendum",
	"moratoria": "moratorium", "symposia": "symposium", "spectra": "spectrum",
	"quanta": "quantum", "antennae": "antenna", "vertebrae": "vertebra",
}

// keepWhole are words whose Porter2 stem is another common word.
var keepWhole = map[string]bool{
	"united": true, "unite": true, "unites": true, "uniting": true,
	"news": true, "series": true, "species": true, "quite": true,
}

// stem removes inflection from a lower-case ASCII word (see TermKey).
func stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	if base, ok := irregular[w]; ok {
		w = base
	}
	if strings.HasSuffix(w, "eaus") {
		w = w[:len(w)-1] // bureaus: Porter2 leaves -us alone
	}
	if keepWhole[w] {
		return w
	}
	s := english.Stem(w, true)
	light := strings.TrimSuffix(inflectionBase(w), "e")
	switch {
	case len(s)+1 == len(light) && strings.HasPrefix(light, s) && light[len(s)] == s[len(s)-1]:
		// Porter2 undoubles a final consonant the base word has (staffing →
		// staf, added → ad): keep it, as for staff and add themselves.
		return light
	case len(s) >= len(light)-1:
		return s
	}
	return light
}

// inflectionBase removes a plural, -ed or -ing ending (but nothing else)
// from a lower-case word. It errs towards removing too little: its result
// only decides whether the Porter2 stem removed more than inflection.
func inflectionBase(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ied") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ings") && len(w) > 6 && hasVowel(w[:len(w)-4]):
		return undouble(w[:len(w)-4]) // buildings = building = build
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	case strings.HasSuffix(w, "ed") && len(w) > 4 && hasVowel(w[:len(w)-2]):
		return undouble(w[:len(w)-2])
	case strings.HasSuffix(w, "ing") && len(w) > 5 && hasVowel(w[:len(w)-3]):
		return undouble(w[:len(w)-3])
	}
	return w
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }

// undouble removes a doubled final consonant (stopp → stop), except ff,
// ll, ss and zz and where it would leave fewer than three letters (add).
func undouble(s string) string {
	n := len(s)
	if n >= 4 && s[n-1] == s[n-2] && !strings.ContainsRune("aeioufklsz", rune(s[n-1])) {
		return s[:n-1]
	}
	return s
}
