package probe

import (
	"bytes"
	"io"
	"net/http"
	"regexp"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/transform"
)

// metaCharset finds a charset a page declares in its own markup.
var metaCharset = regexp.MustCompile(`(?im)\s*charset="(.*?)"|charset=(.*?)"\s*`)

// decodePage turns a GBK, Big5 or EUC-KR page into UTF-8, as httpx does
// (the same rules: the Content-Type header's charset, else one the page
// declares), so that checks read its text; any other page is kept as is.
// vigie does it itself rather than importing httpx's package for it: that
// package brings some 230 others, whose start-up alone took 16 MB and 0.2 s.
func decodePage(data []byte, headers http.Header) []byte {
	types, ok := headers["Content-Type"]
	if !ok {
		return data
	}
	ct := strings.ToLower(strings.Join(types, ";"))
	switch {
	case strings.Contains(ct, "charset=gb2312") || strings.Contains(ct, "charset=gbk"):
		return decodeWith(data, simplifiedchinese.GBK)
	case strings.Contains(ct, "euc-kr"):
		return decodeWith(data, korean.EUCKR)
	}
	declared := ""
	for i, v := range metaCharset.FindSubmatch(data) {
		if i != 0 && len(v) > 0 {
			declared = strings.ToLower(string(v))
		}
	}
	switch {
	case strings.Contains(declared, "gb2312") || strings.Contains(declared, "gbk"):
		return decodeWith(data, simplifiedchinese.GBK)
	case strings.Contains(declared, "big5"):
		return decodeWith(data, traditionalchinese.Big5)
	}
	return data
}

// decodeWith is data in UTF-8, or data itself if it cannot be decoded.
func decodeWith(data []byte, e encoding.Encoding) []byte {
	d, err := io.ReadAll(transform.NewReader(bytes.NewReader(data), e.NewDecoder()))
	if err != nil {
		return data
	}
	return d
}
