package scenarios

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FuzzLoad loads arbitrary bytes as a scenario file. Loading must never
// panic; it either fails with Errors or gives a valid Config that survives
// an Encode and Load round trip.
func FuzzLoad(f *testing.F) {
	for _, name := range builtinNames() {
		src, _ := Source(name)
		f.Add(src)
	}
	files, _ := filepath.Glob("testdata/*.toml")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("name = \"x\"\nextends = \"baseline\"\n[[timeline]]\nweek = 3\nservices.wellbeing_groups.places = 1\n"))
	f.Add([]byte("name = \"x\"\nextends = \"baseline\"\n[profiles.low]\nsessions = { dist = \"empirical\", values = [1, 2], weights = [1, 1] }\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := loadBytes("fuzz.toml", dir, data)
		if err != nil {
			var es Errors
			if errors.As(err, &es) && len(es) == 0 {
				t.Fatal("empty Errors")
			}
			return
		}
		if errs := Validate(c); errs != nil {
			t.Fatalf("loaded a Config that does not validate: %v", errs)
		}
		var buf bytes.Buffer
		if err := Encode(&buf, c); err != nil {
			t.Fatalf("Encode: %v", err)
		}
		back, err := loadBytes("encoded.toml", dir, buf.Bytes())
		if err != nil {
			t.Fatalf("Load(Encode(c)): %v\n%s", err, buf.String())
		}
		back.Extends = c.Extends
		if !reflect.DeepEqual(back, c) {
			t.Fatalf("Load(Encode(c)) differs from c:\n%s", buf.String())
		}
	})
}

// FuzzExtracts: no caseload or areas file makes the readers panic, and a
// refused one leaves the scenario as it was.
func FuzzExtracts(f *testing.F) {
	for _, s := range []string{
		"referral_date,status,sessions,group\n2025-01-01,active,2,rest\n02/11/2025,waiting,,most_deprived\n",
		"name,workforce.link_workers,demand.referrals_per_week\nA,3,20\nB,,\n",
		"name;services.wellbeing_groups.places\nA;40\n", "name,run.seed\nA,1\n", "\"", "",
	} {
		f.Add([]byte(s))
	}
	base, err := Load("baseline")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		for _, set := range []func(*Config) error{
			func(c *Config) error { _, err := SetCaseload(c, "c.csv", raw, ""); return err },
			func(c *Config) error { return SetAreas(c, "a.csv", raw) },
		} {
			// The scenario as written before and after: a shallow copy
			// would share its maps and pointers with base, and a change
			// made through them would go unseen.
			var before, after bytes.Buffer
			if err := Encode(&before, base); err != nil {
				t.Fatal(err)
			}
			c := *base
			err := set(&c)
			if err := Encode(&after, base); err != nil {
				t.Fatal(err)
			}
			if err != nil && (!reflect.DeepEqual(c, *base) || before.String() != after.String()) {
				t.Fatalf("a refused file changed the scenario: %v", err)
			}
		}
	})
}
