package probe

import (
	"net/http"
	"testing"

	"github.com/projectdiscovery/httpx/common/httpx"

	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// Pages in the Chinese and Korean legacy charsets are read as UTF-8, by the
// header's charset or the page's own declaration, as httpx reads them (its own function is the reference).
func TestDecodePage(t *testing.T) {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("<p>登录</p>"))
	big5, _ := traditionalchinese.Big5.NewEncoder().Bytes([]byte(`<meta charset="big5"><p>登入</p>`))
	euckr, _ := korean.EUCKR.NewEncoder().Bytes([]byte("<p>로그인</p>"))
	latin := []byte("<p>caf\xe9</p>")
	for _, c := range []struct {
		name, ct string
		in       []byte
		want     string
	}{
		{"gbk header", "text/html; charset=GBK", gbk, "<p>登录</p>"},
		{"big5 declared", "text/html", big5, `<meta charset="big5"><p>登入</p>`},
		{"euc-kr header", "text/html; charset=euc-kr", euckr, "<p>로그인</p>"},
		{"other charsets kept", "text/html; charset=iso-8859-1", latin, string(latin)},
		{"no content type kept", "", gbk, string(gbk)},
	} {
		h := http.Header{}
		if c.ct != "" {
			h.Set("Content-Type", c.ct)
		}
		if got := string(decodePage(c.in, h)); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
		if theirs, err := httpx.DecodeData(c.in, h); err != nil || string(theirs) != c.want {
			t.Errorf("%s: httpx reads %q (%v)", c.name, theirs, err)
		}
	}
}
