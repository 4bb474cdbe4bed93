package provider

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/docspace-community/terraform-provider-docspace/internal/docspace"
)

// The texts of the data sources, the ephemeral link and the list
// resources: lookups that find none or several, and listings that skip.

// Rooms.

// addCouldNotListRoomsByTitle reports a failed search of rooms by title.
func addCouldNotListRoomsByTitle(diags *diag.Diagnostics, detail string) {
	diags.AddAttributeError(path.Root("title"), "Could Not List Rooms", detail)
}

// addCouldNotListAllRooms reports a failed listing of every room.
func addCouldNotListAllRooms(diags *diag.Diagnostics, detail string) {
	diags.AddError("Could Not List Rooms", detail+
		"\n\nTo list the links of one room, set room_id in the list block's config.")
}

// addNoRoomTitled says that no room has the title, naming up to
// maxSimilarRooms of the candidates whose titles contain it.
func addNoRoomTitled(diags *diag.Diagnostics, host, title string, candidates []docspace.Room) {
	detail := fmt.Sprintf("No room on %s is titled %q (titles are matched exactly).", host, title)
	if len(candidates) > 0 {
		similar := make([]string, 0, min(len(candidates), maxSimilarRooms))
		for _, r := range candidates[:min(len(candidates), maxSimilarRooms)] {
			similar = append(similar, fmt.Sprintf("%q (id %s)", r.Title, r.ID))
		}
		more := ""
		if len(candidates) > maxSimilarRooms {
			more = fmt.Sprintf(" and %d more", len(candidates)-maxSimilarRooms)
		}
		detail += fmt.Sprintf(" Rooms whose titles contain it: %s%s.", strings.Join(similar, ", "), more)
	} else {
		detail += " The token's user sees no room whose title contains it; archived rooms are not searched."
	}
	diags.AddAttributeError(path.Root("title"), "Room Not Found", detail)
}

// addSeveralRoomsTitled says that several rooms have the title.
func addSeveralRoomsTitled(diags *diag.Diagnostics, host, title string, matches []docspace.Room) {
	ids := make([]string, len(matches))
	for i, r := range matches {
		ids[i] = r.ID
	}
	diags.AddAttributeError(path.Root("title"), "Several Rooms Match",
		fmt.Sprintf("%d rooms on %s are titled %q: ids %s.\n\nLook the room up by id instead, or give the rooms distinct titles.",
			len(matches), host, title, strings.Join(ids, ", ")))
}

// addUnknownRoomType warns of a room type the provider does not know.
func addUnknownRoomType(diags *diag.Diagnostics, room docspace.Room) {
	diags.AddWarning("Unknown Room Type",
		fmt.Sprintf("Room %s is of a type this provider does not know (%s), so it reports no allowed access values "+
			"and no link limits for it. A newer version of the provider may know it.", room.ID, room.Type.Name()))
}

// Files and folders.

// named is one entry of a folder's listing: a file or a folder.
type named struct{ id, title, ext string }

// addInMyDocumentsFalse refuses in_my_documents = false.
func addInMyDocumentsFalse(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("in_my_documents"), "Invalid in_my_documents",
		"in_my_documents = false names no place to look. Set it to true to look in My Documents, or leave it out and set parent_id.")
}

// noMyDocumentsDetail explains a My Documents that is not found.
func noMyDocumentsDetail(err error, host string) string {
	return fmt.Sprintf("%v\n\nThe token's user has no My Documents on %s (guests, for one, have none).", err, host)
}

// placeName names the room, folder or My Documents a lookup searched.
func placeName(parent string, current docspace.Folder) string {
	if parent == docspace.MyDocuments {
		return "My Documents"
	}
	noun := "folder"
	if current.IsRoom() {
		noun = "room"
	}
	if current.Title == "" {
		return noun + " " + parent
	}
	return fmt.Sprintf("%s %s %q", noun, parent, current.Title)
}

// addCouldNotListFolder reports a failed listing of a folder.
func addCouldNotListFolder(diags *diag.Diagnostics, attr path.Path, detail string) {
	diags.AddAttributeError(attr, "Could Not List Folder", detail)
}

// addNoEntryTitled says that no file or folder in where has the title,
// naming up to maxSimilarEntries of those whose titles contain it, and an
// entry of the other kind (among others) with that very title.
func addNoEntryTitled(diags *diag.Diagnostics, kind docspace.TargetKind, where, host, title string, similar, others []named) {
	noun := kind.Noun()
	detail := fmt.Sprintf("No %s in %s on %s is titled %q (titles are matched exactly", noun, where, host, title)
	if kind == docspace.TargetFile {
		detail += ", extension included"
	}
	detail += "; subfolders are not searched)."
	if len(similar) > 0 {
		shown := make([]string, 0, min(len(similar), maxSimilarEntries))
		for _, e := range similar[:min(len(similar), maxSimilarEntries)] {
			shown = append(shown, fmt.Sprintf("%q (id %s)", e.title, e.id))
		}
		more := ""
		if len(similar) > maxSimilarEntries {
			more = fmt.Sprintf(" and %d more", len(similar)-maxSimilarEntries)
		}
		detail += fmt.Sprintf(" %ss whose titles contain it: %s%s.", capitalize(noun), strings.Join(shown, ", "), more)
	} else {
		detail += fmt.Sprintf(" It holds no %s whose title contains it.", noun)
	}
	for _, o := range others {
		if o.title == title {
			other := docspace.TargetFolder.Noun()
			if kind == docspace.TargetFolder {
				other = docspace.TargetFile.Noun()
			}
			detail += fmt.Sprintf(" A %s has that title (id %s): look it up with the docspace_%s data source.", other, o.id, other)
			break
		}
	}
	diags.AddAttributeError(path.Root("title"), capitalize(noun)+" Not Found", detail)
}

// addSeveralEntriesTitled says that several files or folders in where have
// the title.
func addSeveralEntriesTitled(diags *diag.Diagnostics, kind docspace.TargetKind, where, host, title string, exact []named) {
	noun := kind.Noun()
	ids := make([]string, len(exact))
	for i, e := range exact {
		ids[i] = e.id
	}
	diags.AddAttributeError(path.Root("title"), "Several "+capitalize(noun)+"s Match",
		fmt.Sprintf("%d %ss in %s on %s are titled %q: ids %s.\n\nGive them distinct titles, or use the id of the "+
			"one meant where it is needed (`%s_id`).", len(exact), noun, where, host, title, strings.Join(ids, ", "), noun))
}

// Links.

// addCouldNotListLinks reports a failed listing of the links of a room,
// file or folder.
func addCouldNotListLinks(diags *diag.Diagnostics, attr path.Path, err error, t docspace.Target, host string) {
	diags.AddAttributeError(attr, "Could Not List "+capitalize(t.Kind.Noun())+" Links",
		describeAPIError(err, t, host))
}

// addPrimaryFalseSelectsNothing refuses primary = false as a link
// selection.
func addPrimaryFalseSelectsNothing(diags *diag.Diagnostics) {
	diags.AddAttributeError(path.Root("primary"), "Invalid Link Selection",
		"primary = false selects no link. Set primary = true for the room's primary link, or select the link by id or title instead.")
}

// addNoLinkWithID says that a room has no link with the id.
func addNoLinkWithID(diags *diag.Diagnostics, roomID, linkID string, links []docspace.Link) {
	diags.AddAttributeError(path.Root("id"), "Link Not Found",
		fmt.Sprintf("Room %s has no link with id %s. %s", roomID, linkID, describeRoomLinks(roomID, links)))
}

// addNoPrimaryLinkToSelect says that a room has no primary link to select.
func addNoPrimaryLinkToSelect(diags *diag.Diagnostics, roomID string, links []docspace.Link) {
	diags.AddAttributeError(path.Root("primary"), "Room Has No Primary Link",
		fmt.Sprintf("Room %s has no primary external link, and this lookup never makes one (asking DocSpace for it "+
			"would create it in a Custom room). Adopt or create it with the docspace_room_primary_link resource, "+
			"or look up another link by id or title. %s", roomID, describeRoomLinks(roomID, links)))
}

// addNoLinkTitled says that a room has no link with the title.
func addNoLinkTitled(diags *diag.Diagnostics, roomID, title string, links []docspace.Link) {
	diags.AddAttributeError(path.Root("title"), "Link Not Found",
		fmt.Sprintf("Room %s has no link titled %q (titles are matched exactly). %s", roomID, title, describeRoomLinks(roomID, links)))
}

// addSeveralLinksTitled says that several links of a room have the title.
func addSeveralLinksTitled(diags *diag.Diagnostics, roomID, title string, matches []docspace.Link) {
	ids := make([]string, len(matches))
	for i, l := range matches {
		ids[i] = l.ID + " (" + l.LinkType.Name() + ")"
	}
	diags.AddAttributeError(path.Root("title"), "Several Links Match",
		fmt.Sprintf("Room %s has %d links titled %q: %s.\n\nLook the link up by id instead, or give the links distinct titles.",
			roomID, len(matches), title, strings.Join(ids, ", ")))
}

// describeRoomLinks says what a room does hold, for a lookup that failed.
func describeRoomLinks(roomID string, links []docspace.Link) string {
	if len(links) == 0 {
		return fmt.Sprintf("DocSpace lists no links for room %s: the room has none, or the token's user is not a "+
			"manager of the room (DocSpace shows other members no links).", roomID)
	}
	parts := make([]string, len(links))
	for i, l := range links {
		kind := l.LinkType.Name()
		if l.Primary {
			kind = "primary " + kind
		}
		parts[i] = fmt.Sprintf("%q (%s, id %s)", l.Title, kind, l.ID)
	}
	return fmt.Sprintf("Its links: %s.", strings.Join(parts, ", "))
}

// Lists.

// addInvalidEntryListConfig refuses a file or folder listing that names
// no place, or two.
func addInvalidEntryListConfig(diags *diag.Diagnostics) {
	diags.AddError("Invalid List Configuration",
		"Set exactly one of parent_id (a room or folder id) and in_my_documents = true in the list block's config.")
}

// listProviderNotConfigured refuses a listing before the provider is
// configured.
func listProviderNotConfigured() diag.Diagnostic {
	return diag.NewErrorDiagnostic("Provider Not Configured",
		"The docspace provider has no host or token yet. Configure the provider block of the query configuration.")
}

// listCouldNotListLinks reports a failed listing of one owner's links.
func listCouldNotListLinks(err error, t docspace.Target, host string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Could Not List "+capitalize(t.Kind.Noun())+" Links",
		describeAPIError(err, t, host))
}

// warnSkipped says, in one warning, which rooms, files or folders a
// listing skipped because the token's user may not manage their links.
func warnSkipped(push func(list.ListResult) bool, skipped []docspace.Target) {
	if len(skipped) == 0 {
		return
	}
	if skipped[0].Kind != docspace.TargetRoom {
		warnSkippedEntries(push, skipped)
		return
	}
	ids := make([]string, len(skipped))
	for i, t := range skipped {
		ids[i] = t.ID
	}
	rooms := "1 room"
	if len(skipped) > 1 {
		rooms = fmt.Sprintf("%d rooms", len(skipped))
	}
	push(list.ListResult{Diagnostics: diag.Diagnostics{diag.NewWarningDiagnostic("Rooms Skipped: Links Not Manageable",
		fmt.Sprintf("The listing skipped %s whose links the token's user may not manage (DocSpace lists no links of a room "+
			"to a user who is not one of its room managers): %s. The links of every other room are listed. To adopt the "+
			"skipped rooms' links, use a token of a room manager of those rooms.", rooms, strings.Join(ids, ", ")))}})
}

// warnSkippedEntries says, in one warning, which files or folders a listing
// skipped because the token's user may not manage their links.
func warnSkippedEntries(push func(list.ListResult) bool, skipped []docspace.Target) {
	noun := skipped[0].Kind.Noun()
	ids := make([]string, len(skipped))
	for i, t := range skipped {
		ids[i] = t.ID
	}
	count := "1 " + noun
	if len(skipped) > 1 {
		count = fmt.Sprintf("%d %ss", len(skipped), noun)
	}
	push(list.ListResult{Diagnostics: diag.Diagnostics{diag.NewWarningDiagnostic(capitalize(noun)+"s Skipped: Links Not Manageable",
		fmt.Sprintf("The listing skipped %s whose links the token's user may not manage (DocSpace lists no links of a %s "+
			"to a user who may not share it): %s. The links of every other %s are listed. To adopt the skipped %ss' links, "+
			"use a token of a room manager of their room, or of their owner in My Documents.", count, noun, strings.Join(ids, ", "), noun, noun))}})
}
