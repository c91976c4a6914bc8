package main

import (
	"fmt"
	"os"

	"github.com/bitext/bitext/align"
	"github.com/urfave/cli/v2"
)

// alignCommand is a placeholder until the align command is built.
func alignCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "align",
		Usage: "(not built yet)",
		Action: func(c *cli.Context) error {
			return usageErrorf("align is not built yet")
		},
	}
}

// newAligner configures an aligner from the common flags (--dict).
func newAligner(c *cli.Context) (*align.Aligner, error) {
	a := &align.Aligner{}
	for _, path := range c.StringSlice("dict") {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		l, err := align.LoadDict(f, path)
		f.Close()
		if err != nil {
			return nil, err
		}
		if a.Lexicon == nil {
			a.Lexicon = l
		} else {
			a.Lexicon.Merge(l)
		}
	}
	_ = fmt.Sprint
	return a, nil
}
