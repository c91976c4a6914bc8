package glossary

// Status is the curation state of a glossary entry.
type Status string

// Statuses. Preferred and Admitted are read from TBX and hand-made glossaries;
// Preferred counts as Approved.
const (
	New       Status = "new"
	Approved  Status = "approved"
	Preferred Status = "preferred"
	Admitted  Status = "admitted"
	Rejected  Status = "rejected"
	Forbidden Status = "forbidden"
)

// Variant is another English rendering of an entry's Chinese term.
type Variant struct {
	EN    string `json:"en"`
	Count int    `json:"count"`
}

// Example is an aligned sentence pair showing an entry in use.
type Example struct {
	Doc string `json:"doc,omitempty"`
	ZH  string `json:"zh"`
	EN  string `json:"en"`
}

// Entry is one glossary row: a Chinese term and one English rendering.
type Entry struct {
	ZH            string    `json:"zh"`
	EN            string    `json:"en"`
	Comment       string    `json:"comment,omitempty"`
	Status        Status    `json:"status"`
	CaseSensitive bool      `json:"case_sensitive,omitempty"`
	Variants      []Variant `json:"variants,omitempty"`
	ZHFreq        int       `json:"zh_freq,omitempty"`
	PairFreq      int       `json:"pair_freq,omitempty"`
	Consistency   float64   `json:"consistency,omitempty"`
	Score         float64   `json:"score,omitempty"`
	FirstSeen     string    `json:"first_seen,omitempty"`
	LastSeen      string    `json:"last_seen,omitempty"`
	Examples      []Example `json:"examples,omitempty"`
	Conflict      string    `json:"conflict,omitempty"` // for new entries: the approved rendering it contradicts
}
