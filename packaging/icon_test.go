package packaging

import (
	"encoding/xml"
	"fmt"
	"image"
	"image/png"
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestIconSVG: assets/icon.svg, installed as the scalable icon (hicolor/scalable/apps),
// is an SVG document drawn on icon.png's grid, in icon.png's colours (each colour it
// paints is one the PNG has), and the metainfo names the icon the theme finds it under.
func TestIconSVG(t *testing.T) {
	var svg struct {
		XMLName xml.Name
		ViewBox string `xml:"viewBox,attr"`
	}
	decode(t, "../assets/icon.svg", &svg)
	if svg.XMLName.Space != "http://www.w3.org/2000/svg" || svg.XMLName.Local != "svg" {
		t.Fatalf("icon.svg's root is %v, not svg in the SVG namespace", svg.XMLName)
	}
	f, err := os.Open("../assets/icon.png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	if want := fmt.Sprintf("0 0 %d %d", b.Dx(), b.Dy()); svg.ViewBox != want {
		t.Errorf("icon.svg's viewBox is %q, want icon.png's grid %q", svg.ViewBox, want)
	}
	have := pngColours(img)
	colours := regexp.MustCompile(`(?:fill|stroke)="(#[0-9A-Fa-f]{6})"`).FindAllStringSubmatch(read(t, "../assets/icon.svg"), -1)
	if len(colours) < 4 {
		t.Fatalf("icon.svg paints in %d colours", len(colours))
	}
	for _, c := range colours {
		if !have[strings.ToUpper(c[1])] {
			t.Errorf("icon.svg paints in %s, a colour icon.png does not have", c[1])
		}
	}
	var meta struct {
		Icons []struct {
			Type string `xml:"type,attr"`
			Name string `xml:",chardata"`
		} `xml:"icon"`
	}
	id := appID(t)
	decode(t, "linux/"+id+".metainfo.xml", &meta)
	if len(meta.Icons) != 1 || meta.Icons[0].Type != "stock" || meta.Icons[0].Name != id {
		t.Errorf("the metainfo's icon is %+v, want the stock icon %s", meta.Icons, id)
	}
}

// pngColours is the set of opaque colours of img, as #RRGGBB.
func pngColours(img image.Image) map[string]bool {
	have := map[string]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			if a == 0xffff {
				have[fmt.Sprintf("#%02X%02X%02X", r>>8, g>>8, bl>>8)] = true
			}
		}
	}
	return have
}
