// Every event bus address the browser uses, built in one place.
export const Addresses = {
  commands: 'werkraum.commands',
  presence: 'werkraum.presence',
  board: (boardId) => `board.${boardId}`,
  room: (boardId, room) => `board.${boardId}.room.${room}`,
  personal: (boardId, participantId) => `board.${boardId}.to.${participantId}`,
  facilitators: (boardId) => `board.${boardId}.facilitators`,
};
