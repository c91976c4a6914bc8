package align

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

func TestLearner(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 5))
	zh1, en1 := synthetic(r, 120, 0)
	zh2, en2 := synthetic(r, 120, 0)
	a := &Aligner{Dict: NoDictionary}

	whole := NewLearner(a)
	for _, d := range [][2]int{{0, 0}, {1, 1}} {
		zh, en := zh1, en1
		if d[0] == 1 {
			zh, en = zh2, en2
		}
		if err := whole.Add(zh, en); err != nil {
			t.Fatal(err)
		}
	}
	l1, l2 := NewLearner(a), NewLearner(a)
	if err := l1.Add(zh1, en1); err != nil {
		t.Fatal(err)
	}
	if err := l2.Add(zh2, en2); err != nil {
		t.Fatal(err)
	}
	l1.Merge(l2)
	m, mw := l1.Model(), whole.Model()
	if m.Len() == 0 {
		t.Fatal("learnt nothing")
	}
	if !reflect.DeepEqual(m.table, mw.table) {
		t.Error("merged learners give a different model than one learner")
	}
	// The synthetic Latin words are their own translations.
	found := 0
	for z, es := range m.table {
		for _, e := range es {
			if e == z {
				found++
			}
		}
	}
	if found == 0 {
		t.Errorf("no word learnt as its own translation: %v", m.table)
	}
	b, err := (&Aligner{Dict: NoDictionary, Model: m}).Align(zh1, en1)
	if err != nil || len(b) == 0 {
		t.Fatalf("align with model: %v", err)
	}
}
