package sample

import (
	"strings"
	"testing"
)

func TestCorpus(t *testing.T) {
	t.Parallel()
	arts := Corpus()
	if len(arts) != 11 {
		t.Fatalf("%d articles, want 11", len(arts))
	}
	for _, a := range arts {
		if a.Date == "" {
			t.Errorf("%s: no date", a.Name)
		}
		if a.Bilingual != (a.EN == "") || a.ZH == "" {
			t.Errorf("%s: bilingual %v, %d/%d bytes", a.Name, a.Bilingual, len(a.ZH), len(a.EN))
		}
		if !a.Bilingual && strings.Count(a.ZH, "\n\n") != strings.Count(a.EN, "\n\n") {
			t.Errorf("%s: paragraph counts differ", a.Name)
		}
	}
	r := Review()
	if !strings.Contains(r.EN, "One Belt One Road") || r.Date == "" {
		t.Error("review article lacks its planted error")
	}
	if !strings.Contains(HouseGlossary(), "forbidden") {
		t.Error("house glossary has no forbidden entry")
	}
}
