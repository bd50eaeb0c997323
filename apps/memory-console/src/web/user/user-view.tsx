import type { Clients } from "../api.js";
import { ForgetPanel } from "./forget-panel.js";
import { userGroups } from "./groups.js";
import { MemoryGroup } from "./memory-group.js";
import { SearchPanel } from "./search-panel.js";

export function UserView({ clients }: { clients: Clients }) {
  const groups = userGroups(clients);
  return (
    <>
      <SearchPanel groups={groups} />
      {groups.map((group) => (
        <MemoryGroup key={group.key} group={group} />
      ))}
      <ForgetPanel groups={groups} />
    </>
  );
}
