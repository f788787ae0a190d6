package manifest

import (
	"bytes"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/mkt-cli/mkt/internal/marketapi"
	"github.com/mkt-cli/mkt/internal/rules"
)

// Export writes the marketplace's listings as a manifest: the way an existing seller adopts
// apply. Products keep their codes (pinned) and their recorded key, or get their code as key.
func Export(snap Snapshot) Manifest {
	m := Manifest{APIVersion: APIVersion, Kind: Kind}
	keyOf := map[string]string{}
	for _, p := range snap.Products {
		if rules.State(p.Status) == rules.StateDeleted {
			continue
		}
		key := strings.TrimPrefix(p.ExternalKey, "manifest:")
		if p.ExternalKey == "" || !validKey(key) {
			key = p.Code
		}
		keyOf[p.Code] = key
		mp := Product{Key: key, Code: p.Code, ProductSpec: ProductSpec{Name: p.Name, Type: strings.ToLower(p.Type), Category: p.CategoryId,
			Summary: p.ShortDescription, Description: p.Description, Validity: p.ValidityPeriods, Delivery: p.DeliveryMode,
			ProductionURL: p.ProductionUrl, ActivationURL: p.ActivationUrl, APIGroup: p.ApiGroup, APIPrefix: p.ApiPrefix,
			ImageID: p.ImageId, ImageRegion: p.ImageRegion, DeliveryTemplate: p.DeliveryTemplateId}}
		if p.Agreement != nil {
			mp.Agreement = p.Agreement.TemplateId
		}
		for _, s := range p.Skus {
			mp.Skus = append(mp.Skus, rules.SKU{Code: s.Code, Name: s.Name, Price: s.Price, ChargeType: strings.ToLower(s.ChargeType)})
		}
		m.Products = append(m.Products, mp)
	}
	for _, b := range snap.Bundles {
		mb := Bundle{Name: b.Name, Price: b.Price}
		if b.Discount > 0 {
			mb.Discount = strconv.Itoa(b.Discount) + "%"
		}
		for _, p := range b.Products {
			k, ok := keyOf[p.Code]
			if !ok {
				k = p.Code // a deleted product: apply will say so
			}
			mb.Products = append(mb.Products, k)
		}
		m.Bundles = append(m.Bundles, mb)
	}
	if sh := snap.Shop; sh != nil && (sh.Name != "" || sh.Introduction != "" || sh.Contacts != (marketapi.ShopContacts{})) {
		m.Shop = &Shop{Name: sh.Name, Introduction: sh.Introduction}
		if sh.Contacts != (marketapi.ShopContacts{}) {
			m.Shop.Contacts = &ShopContacts{Wangwang: sh.Contacts.Wangwang, Hotline: sh.Contacts.Hotline, TicketURL: sh.Contacts.TicketUrl}
		}
	}
	// In a stable order, so that exporting twice gives the same file and diffs stay small.
	sort.Slice(m.Products, func(i, j int) bool { return m.Products[i].Key < m.Products[j].Key })
	sort.Slice(m.Bundles, func(i, j int) bool { return m.Bundles[i].Name < m.Bundles[j].Name })
	return m
}

// Encode writes a manifest as YAML with a schema hint for editors.
func Encode(m Manifest) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("# yaml-language-server: $schema=https://github.com/mkt-cli/mkt/docs/reference/manifest.schema.json\n")
	var doc yaml.Node
	if err := doc.Encode(m); err != nil {
		return nil, err
	}
	escapeDollars(&doc)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	return b.Bytes(), enc.Close()
}

// escapeDollars writes every "$" in a string value as "$$", the manifest's literal dollar, so
// that a name containing "${AMOUNT}" reads back as itself, never as a variable.
func escapeDollars(n *yaml.Node) {
	switch n.Kind {
	case yaml.MappingNode:
		for i := 1; i < len(n.Content); i += 2 {
			escapeDollars(n.Content[i])
		}
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			escapeDollars(c)
		}
	case yaml.ScalarNode:
		if n.Tag == "!!str" && strings.Contains(n.Value, "$") {
			n.Value = strings.ReplaceAll(n.Value, "$", "$$")
		}
	}
}
