package numbers

import (
	"regexp"
	"strconv"
	"strings"
)

var arabic = regexp.MustCompile(`[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?`)

// Chinese returns the numbers and dates in a Chinese sentence, in order.
func Chinese(s string) []Value { return readArabic(s) }

// English returns the numbers and dates in an English sentence, in order.
func English(s string) []Value { return readArabic(s) }

func readArabic(s string) []Value {
	var vs []Value
	for _, m := range arabic.FindAllStringIndex(s, -1) {
		f, err := strconv.ParseFloat(strings.ReplaceAll(s[m[0]:m[1]], ",", ""), 64)
		if err != nil {
			continue
		}
		vs = append(vs, Value{Kind: Number, Num: f, Start: m[0], End: m[1], Text: s[m[0]:m[1]]})
	}
	return vs
}
