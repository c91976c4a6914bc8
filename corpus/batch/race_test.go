//go:build race

package batch

// raceEnabled: the race detector multiplies time and memory, so memory
// measurements and big runs are skipped.
const raceEnabled = true
