package provider

import "github.com/hashicorp/terraform-plugin-framework/datasource"

// NewRoomLinksDataSource is the docspace_room_links data source: the links
// data source of the room kind, which adds the link_type filter
// (data_source_links.go).
func NewRoomLinksDataSource() datasource.DataSource { return &linksDataSource{kind: roomLinks} }
