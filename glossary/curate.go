package glossary

import (
	"strings"

	"github.com/bitext/bitext/corpus/norm"
)

// Curate merges freshly extracted candidates into an existing, curated
// glossary. Every decided entry (approved, preferred, admitted, forbidden,
// rejected) is kept exactly as it is and comes first, in its original
// order. A candidate whose pair was decided is not proposed again; a
// candidate for a Chinese term that has an approved rendering is proposed
// as new with Conflict naming that rendering; the rest are new. Undecided
// (new) entries of the existing glossary are replaced by the fresh
// candidates. Pairs are compared through norm.Fold and norm.Simplify on the
// Chinese side and norm.TermKey on the English side.
func Curate(candidates, existing []Entry) []Entry {
	decided := make(map[[2]string]bool)
	approved := make(map[string][]string) // zh → approved renderings
	var out []Entry
	for _, e := range existing {
		if e.Status == New || e.Status == "" {
			continue
		}
		out = append(out, e)
		zk := zhKey(e.ZH)
		decided[[2]string{zk, norm.TermKey(e.EN)}] = true
		if e.Status.IsApproved() {
			approved[zk] = append(approved[zk], e.EN)
		}
	}
	for _, c := range candidates {
		zk := zhKey(c.ZH)
		if decided[[2]string{zk, norm.TermKey(c.EN)}] {
			continue
		}
		c.Status = New
		c.Conflict = ""
		if a := approved[zk]; len(a) > 0 {
			c.Conflict = strings.Join(a, " | ")
		}
		out = append(out, c)
	}
	return out
}

// zhKey is the comparison form of a Chinese term.
func zhKey(s string) string {
	return norm.Simplify(norm.Fold(strings.Join(strings.Fields(s), "")))
}
