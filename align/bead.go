package align

// Bead is one unit of an alignment: the Chinese sentences ZH (indexes into
// the Chinese document, ascending) are rendered by the English sentences EN.
// One side may be empty (an omission: 1-0 or 0-1).
type Bead struct {
	ZH         []int
	EN         []int
	Cost       float64 // the bead's cost in the dynamic programme (lower is better)
	Confidence float64 // calibrated probability that the bead is exactly right, in [0,1]
}
