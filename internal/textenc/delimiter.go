package textenc

import "bytes"

// Delimiter picks , ; or tab, whichever the first line of head has most of:
// French spreadsheets export with ";" because "," is their decimal separator.
func Delimiter(head []byte) rune {
	first, _, _ := bytes.Cut(head, []byte("\n"))
	best, n := ',', bytes.Count(first, []byte(","))
	for _, c := range []rune{';', '\t'} {
		if k := bytes.Count(first, []byte(string(c))); k > n {
			best, n = c, k
		}
	}
	return best
}
