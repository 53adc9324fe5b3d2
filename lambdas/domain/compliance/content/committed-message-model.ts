import { readModelArtifact } from '../../../../models/artifacts';
import { MessageModel, type MessageModelArtifact } from './message-model';

let model: MessageModel | undefined;

/** The committed message classifier (`npm run train:gate-messages` writes it), read once per process on first use. */
export function committedMessageModel(): MessageModel {
  model ??= new MessageModel(readModelArtifact('message-classifier.json') as MessageModelArtifact);
  return model;
}
