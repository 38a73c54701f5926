package contracts

// Language is what a document is written in: "en", "fr" or "mixed".
type Language string

const (
	LangEN    Language = "en"
	LangFR    Language = "fr"
	LangMixed Language = "mixed"
	LangNone  Language = ""
)

// functionWord says whether w is an English ('e') or French ('f') function
// word: a switch, not a map, as it runs on every word of every contract.
func functionWord(w string) byte {
	switch w {
	case "the", "and", "of", "to", "shall", "with", "for", "any", "by", "this", "is", "be", "or", "that", "which", "under", "such":
		return 'e'
	case "le", "la", "les", "des", "du", "et", "un", "une", "est", "pour", "par", "au", "aux", "sur", "dans", "qui", "ou", "ses", "leur", "doit":
		return 'f'
	}
	return 0
}

// counts returns how many English and French function words text holds.
func counts(folded string) (en, fr int) {
	start := -1
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && folded[i] >= 'a' && folded[i] <= 'z' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 && i-start <= 5 { // function words are short
			switch functionWord(folded[start:i]) {
			case 'e':
				en++
			case 'f':
				fr++
			}
		}
		start = -1
	}
	return en, fr
}

// detect names the language of a whole document: a language with under a
// fifth of the function words is noise (a quoted English title in a French
// contract); above that both count and the document is mixed.
func detect(en, fr int) Language {
	total := en + fr
	switch {
	case total < 5:
		return LangNone
	case fr*5 < total:
		return LangEN
	case en*5 < total:
		return LangFR
	}
	return LangMixed
}
