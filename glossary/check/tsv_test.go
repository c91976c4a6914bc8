package check

import (
	"errors"
	"strings"
	"testing"

	"github.com/bitext/bitext/corpus"
)

func TestReadTSVErrors(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in        string
		line, col int
		sentinel  error
	}{
		{"一\tone\n二 two\n", 2, 0, corpus.ErrSyntax},
		{"一\tone\ncaf\xe9\tcafé\n", 2, 4, corpus.ErrEncoding},
		{"一\tone\n\x00\x01\t\n", 2, 1, corpus.ErrBinary},
		{"\n# comment only\n", 0, 0, corpus.ErrEmpty},
	} {
		_, err := ReadTSV(strings.NewReader(tc.in), "in.tsv")
		var pe *corpus.ParseError
		if !errors.As(err, &pe) || pe.File != "in.tsv" || pe.Line != tc.line || pe.Col != tc.col || !errors.Is(err, tc.sentinel) {
			t.Errorf("ReadTSV(%q) = %v, want in.tsv:%d:%d wrapping %v", tc.in, err, tc.line, tc.col, tc.sentinel)
		}
	}
}
