package server

import (
	"maps"
	"testing"
)

func TestQuietLogs(t *testing.T) {
	off := map[string]string{"TF_LOG_PROVIDER": "OFF", "TF_LOG_SDK": "OFF", "TF_LOG_SDK_PROTO": "OFF", "TF_LOG_SDK_FRAMEWORK": "OFF"}
	cases := []struct {
		name string
		env  map[string]string
		want map[string]string
	}{
		{"nobody asked", map[string]string{"TF_LOG_PATH": "/tmp/x"}, mergeMaps(map[string]string{"TF_LOG_PATH": "/tmp/x"}, off)},
		{"TF_LOG", map[string]string{"TF_LOG": "TRACE"}, map[string]string{"TF_LOG": "TRACE"}},
		{"provider only", map[string]string{"TF_LOG_PROVIDER": "DEBUG"}, map[string]string{"TF_LOG_PROVIDER": "DEBUG"}},
		{"this provider", map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "TRACE"}, map[string]string{"TF_LOG_PROVIDER_DOCSPACE": "TRACE"}},
		{"SDK", map[string]string{"TF_LOG_SDK_PROTO": "TRACE"}, map[string]string{"TF_LOG_SDK_PROTO": "TRACE"}},
	}
	for _, tc := range cases {
		env := maps.Clone(tc.env)
		quiet, err := quietLogs(func(k string) (string, bool) { v, ok := env[k]; return v, ok },
			func(k, v string) error { env[k] = v; return nil })
		if err != nil || !maps.Equal(env, tc.want) || quiet != (tc.name == "nobody asked") {
			t.Errorf("%s: got %v, %v; want %v", tc.name, env, err, tc.want)
		}
	}
}

func mergeMaps(a, b map[string]string) map[string]string {
	out := maps.Clone(a)
	maps.Copy(out, b)
	return out
}

func TestTuneGC(t *testing.T) {
	for _, tc := range []struct {
		name                string
		env                 map[string]string
		wantPercent, wantMB int64 // 0: left alone
	}{
		{"nothing set", nil, gcPercent, gcMemoryLimit >> 20},
		{"GOGC set", map[string]string{"GOGC": "100"}, 0, gcMemoryLimit >> 20},
		{"GOMEMLIMIT set", map[string]string{"GOMEMLIMIT": "1GiB"}, gcPercent, 0},
		{"both set", map[string]string{"GOGC": "off", "GOMEMLIMIT": "1GiB"}, 0, 0},
	} {
		var percent, limitMB int64
		tuneGC(func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok },
			func(p int) int { percent = int64(p); return 100 },
			func(l int64) int64 { limitMB = l >> 20; return 0 })
		if percent != tc.wantPercent || limitMB != tc.wantMB {
			t.Errorf("%s: GC percent %d, memory limit %d MiB; want %d, %d", tc.name, percent, limitMB, tc.wantPercent, tc.wantMB)
		}
	}
}
