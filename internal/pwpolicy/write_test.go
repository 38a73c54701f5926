package pwpolicy

import (
	"reflect"
	"testing"
)

// What Marshal writes reads back as the same policies.
func TestMarshalRoundTrip(t *testing.T) {
	for _, file := range []string{"../demo/password-policy.yaml", "../demo/ad-domain-policy.txt"} {
		orig, err := Load(file)
		if err != nil {
			t.Fatal(err)
		}
		data, err := Marshal(orig)
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("written.yaml", data)
		if err != nil {
			t.Fatalf("%s: written policy does not parse: %v\n%s", file, err, data)
		}
		for i := range orig {
			o, b := orig[i], back[i]
			o.Format, b.Format, o.Lines, b.Lines = "", "", nil, nil
			if o.Storage != nil && o.Storage.Algorithm == "" {
				o.Storage, b.Storage = nil, nil
			}
			if !reflect.DeepEqual(o, b) {
				t.Errorf("%s: policy %d changed:\n%+v\n%+v\n%s", file, i, o, b, data)
			}
		}
	}
}
