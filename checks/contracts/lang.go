package contracts

// Language is what a document is written in: "en", "fr" or "mixed".
type Language string

const (
	LangEN    Language = "en"
	LangFR    Language = "fr"
	LangMixed Language = "mixed"
	LangNone  Language = ""
)

// functionWords are English ('e') and French ('f') function words.
var functionWords = map[string]byte{
	"the": 'e', "and": 'e', "of": 'e', "to": 'e', "shall": 'e', "with": 'e', "for": 'e', "any": 'e', "by": 'e',
	"this": 'e', "is": 'e', "be": 'e', "or": 'e', "that": 'e', "which": 'e', "under": 'e', "such": 'e',
	"le": 'f', "la": 'f', "les": 'f', "des": 'f', "du": 'f', "et": 'f', "un": 'f', "une": 'f', "est": 'f', "pour": 'f',
	"par": 'f', "au": 'f', "aux": 'f', "sur": 'f', "dans": 'f', "qui": 'f', "ou": 'f', "ses": 'f', "leur": 'f', "doit": 'f',
}

// wordTable finds a function word with one multiplication and one
// comparison: a word of up to five letters, packed into an integer, is
// hashed into a table where no two of them collide (a multiplier that
// does is found in a few hundred tries, once). counts runs on every
// word of every contract.
type wordTable struct {
	mul   uint64
	slots [128]struct {
		word uint64
		lang byte
	}
}

var functionTable = func() *wordTable {
	t := &wordTable{}
	for k := uint64(1); k < 1<<20; k++ {
		z := k * 0x9E3779B97F4A7C15 // splitmix64: multipliers spread out
		z = (z ^ z>>30) * 0xBF58476D1CE4E5B9
		z = (z ^ z>>27) * 0x94D049BB133111EB
		mul := (z ^ z>>31) | 1
		*t = wordTable{mul: mul}
		ok := true
		for w, lang := range functionWords {
			slot := &t.slots[pack(w)*mul>>57]
			if slot.word != 0 {
				ok = false
				break
			}
			slot.word, slot.lang = pack(w), lang
		}
		if ok {
			return t
		}
	}
	panic("contracts: no collision-free table for the function words: widen it")
}()

func pack(w string) uint64 {
	var x uint64
	for i := 0; i < len(w); i++ {
		x = x<<8 | uint64(w[i])
	}
	return x
}

func (t *wordTable) lang(word uint64) byte {
	if slot := t.slots[word*t.mul>>57]; slot.word == word {
		return slot.lang
	}
	return 0
}

// counts returns how many English and French function words text holds.
func counts(folded string) (en, fr int) {
	var word uint64 // the current word's letters, packed; 0 past five
	n := 0          // its length
	for i := 0; i <= len(folded); i++ {
		if i < len(folded) && folded[i]-'a' < 26 {
			word = word<<8 | uint64(folded[i])
			n++
			continue
		}
		if n > 0 && n <= 5 { // function words are short
			switch functionTable.lang(word) {
			case 'e':
				en++
			case 'f':
				fr++
			}
		}
		word, n = 0, 0
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
