package shard

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/vigie-security/vigie/internal/config"
)

// kube is the part of a manifest the test reads.
type kube struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		CompletionMode string `yaml:"completionMode"`
		Completions    int    `yaml:"completions"`
		Parallelism    int    `yaml:"parallelism"`
		Template       struct {
			Spec podSpec `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
	Data map[string]string `yaml:"data"`
}

type podSpec struct {
	RestartPolicy string `yaml:"restartPolicy"`
	Containers    []struct {
		Args []string `yaml:"args"`
		Env  []struct {
			Name      string `yaml:"name"`
			ValueFrom struct {
				FieldRef struct {
					FieldPath string `yaml:"fieldPath"`
				} `yaml:"fieldRef"`
			} `yaml:"valueFrom"`
		} `yaml:"env"`
		VolumeMounts []struct {
			Name      string `yaml:"name"`
			MountPath string `yaml:"mountPath"`
		} `yaml:"volumeMounts"`
	} `yaml:"containers"`
	Volumes []struct {
		Name      string `yaml:"name"`
		ConfigMap *struct {
			Name string `yaml:"name"`
		} `yaml:"configMap"`
		PVC *struct {
			ClaimName string `yaml:"claimName"`
		} `yaml:"persistentVolumeClaim"`
	} `yaml:"volumes"`
}

// mountsOf lists the first container's mounts as name=path source.
func mountsOf(p podSpec) []string {
	var out []string
	for _, m := range p.Containers[0].VolumeMounts {
		for _, v := range p.Volumes {
			switch {
			case v.Name != m.Name:
			case v.ConfigMap != nil:
				out = append(out, m.Name+"="+m.MountPath+" cm:"+v.ConfigMap.Name)
			case v.PVC != nil:
				out = append(out, m.Name+"="+m.MountPath+" pvc:"+v.PVC.ClaimName)
			}
		}
	}
	return out
}

// flag returns the value after name in args.
func flag(t *testing.T, args []string, name string) string {
	t.Helper()
	i := slices.Index(args, name)
	if i < 0 || i+1 >= len(args) {
		t.Fatalf("no %s in %q", name, args)
	}
	return args[i+1]
}

// The manifest shipped in the README: every pod of the Indexed Job, its
// args expanded as Kubernetes does, scans a valid share of the same count,
// writes a file of its own, and the merge Job reads every one of them.
func TestKubernetesManifest(t *testing.T) {
	raw, err := os.ReadFile("testdata/kubernetes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	docs := map[string]kube{}
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	for {
		var k kube
		if err := dec.Decode(&k); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		docs[k.Kind+"/"+k.Metadata.Name] = k
	}
	scan, merge, cm := docs["Job/vigie-scan"], docs["Job/vigie-merge"], docs["ConfigMap/vigie-config"]
	if _, ok := docs["PersistentVolumeClaim/vigie-reports"]; !ok || cm.Data["vigie.yaml"] == "" {
		t.Fatalf("the manifest lacks the reports volume or the config: %v", slices.Collect(maps.Keys(docs)))
	}
	if scan.Spec.CompletionMode != "Indexed" || scan.Spec.Completions < 2 || scan.Spec.Parallelism < 1 || scan.Spec.Template.Spec.RestartPolicy != "Never" {
		t.Fatalf("scan Job spec %+v", scan.Spec)
	}
	// The config vigie reads from the ConfigMap is valid.
	if _, err := config.Parse("vigie.yaml (ConfigMap vigie-config)", []byte(cm.Data["vigie.yaml"]), func(string) string { return "" }); err != nil {
		t.Fatal(err)
	}
	n := scan.Spec.Completions
	scanPod, mergePod := scan.Spec.Template.Spec, merge.Spec.Template.Spec
	// Every pod names its run by the Job's uid, a label Kubernetes puts on each of the Job's pods.
	runFrom := ""
	for _, e := range scanPod.Containers[0].Env {
		if e.Name == "VIGIE_RUN" {
			runFrom = e.ValueFrom.FieldRef.FieldPath
		}
	}
	if runFrom != "metadata.labels['batch.kubernetes.io/controller-uid']" {
		t.Fatalf("VIGIE_RUN comes from %q, not the Job's uid label", runFrom)
	}
	const uid = "5c6f0f4e-2b1d-4d8e-9d61-7f3f3a3b9c10"
	outputs := map[string]bool{}
	for i := range n {
		// Kubernetes expands $(VAR) in args from the container's environment.
		args := slices.Clone(scanPod.Containers[0].Args)
		for j := range args {
			args[j] = strings.NewReplacer("$(JOB_COMPLETION_INDEX)", fmt.Sprint(i), "$(VIGIE_RUN)", uid).Replace(args[j])
		}
		if run, err := ParseRun(flag(t, args, "--run")); err != nil || run != uid {
			t.Fatalf("pod %d: --run %q, %v; want the Job's uid", i, run, err)
		}
		s, err := Parse(flag(t, args, "--shard"))
		if err != nil || s != (Shard{i, n}) {
			t.Fatalf("pod %d: --shard %v, %v; want %d/%d", i, s, err, i, n)
		}
		outputs[flag(t, args, "-o")] = true
	}
	if len(outputs) != n {
		t.Fatalf("%d pods write %d files", n, len(outputs))
	}
	pattern := mergePod.Containers[0].Args[1]
	for out := range outputs {
		if ok, _ := filepath.Match(pattern, out); !ok {
			t.Errorf("the merge Job (%s) does not read %s", pattern, out)
		}
	}
	for name, pod := range map[string][]string{"scan": mountsOf(scanPod), "merge": mountsOf(mergePod)} {
		if !slices.Contains(pod, "config=/config cm:vigie-config") || !slices.Contains(pod, "reports=/reports pvc:vigie-reports") {
			t.Errorf("%s pod mounts %v", name, pod)
		}
	}
	if flag(t, scanPod.Containers[0].Args, "-c") != "/config/vigie.yaml" || flag(t, mergePod.Containers[0].Args, "-c") != "/config/vigie.yaml" {
		t.Error("a pod does not read the config from the ConfigMap")
	}
}
