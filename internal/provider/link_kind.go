package provider

import (
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// linkKind describes one kind of link resource. The kinds share one model
// (linkModel), one set of schema fragments (link_schema.go) and one engine
// (resource_link.go, resource_link_plan.go); a kind says only what differs:
// what its links belong to, which attributes it has, and its location's
// rules.
type linkKind struct {
	// name follows the provider's name in the resource type: "room_link".
	name string
	// target is what the links belong to; parentAttr names its id.
	target     docspace.TargetKind
	parentAttr string
	// title names the kind in diagnostic summaries: "Room Link".
	title string
	// primary is set for the kind that adopts its parent's primary link
	// instead of creating links.
	primary bool
	// schema is the kind's resource schema; attrs its attribute names.
	schema func(*linkKind) schema.Schema
	attrs  map[string]bool
	once   sync.Once
}

// attributes is the set of the kind's attribute names, from its schema.
func (k *linkKind) attributes() map[string]bool {
	k.once.Do(func() {
		k.attrs = make(map[string]bool)
		for name := range k.schema(k).Attributes {
			k.attrs[name] = true
		}
	})
	return k.attrs
}

// primaryElsewhere reports whether the parent's primary link belongs to
// another resource, which this kind refuses to take: a room's primary link
// is docspace_room_primary_link's.
func (k *linkKind) primaryElsewhere() bool { return k.target == docspace.TargetRoom && !k.primary }

// hasInvitations reports whether the kind's links may be invitation links.
func (k *linkKind) hasInvitations() bool { return k.attributes()["link_type"] }

// The kinds of link resource.
var (
	roomLinks = &linkKind{
		name: "room_link", target: docspace.TargetRoom, parentAttr: "room_id", title: "Room Link",
		schema: linkResourceSchema,
	}
	roomPrimaryLinks = &linkKind{
		name: "room_primary_link", target: docspace.TargetRoom, parentAttr: "room_id", title: "Primary Link", primary: true,
		schema: func(*linkKind) schema.Schema { return primaryLinkSchema() },
	}
	fileLinks = &linkKind{
		name: "file_link", target: docspace.TargetFile, parentAttr: "file_id", title: "File Link", schema: linkResourceSchema,
	}
	folderLinks = &linkKind{
		name: "folder_link", target: docspace.TargetFolder, parentAttr: "folder_id", title: "Folder Link", schema: linkResourceSchema,
	}
)

// NewFileLinkResource is the docspace_file_link resource.
func NewFileLinkResource() resource.Resource { return &linkResource{kind: fileLinks} }

// NewFolderLinkResource is the docspace_folder_link resource.
func NewFolderLinkResource() resource.Resource { return &linkResource{kind: folderLinks} }
