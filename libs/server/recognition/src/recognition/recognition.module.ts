import { Module } from '@nestjs/common';
import { RecognitionCommands } from './recognition-commands.service';
import { RecognitionDueOpener } from './recognition-due.service';
import { RecognitionQueries } from './recognition-queries.service';
import { IdeasCoreModule } from '@eclore/server-ideas';
import {
  IdeaRecognitionsController,
  MyRecognitionsController,
  RecognitionController,
  RecognitionSettingsController,
} from './recognition.controller';
import { RecognitionRepository } from './recognition.repository';

/** The recognition workflow's routes (docs/recognition.md §3). */
@Module({
  imports: [IdeasCoreModule],
  controllers: [
    RecognitionController,
    MyRecognitionsController,
    IdeaRecognitionsController,
    RecognitionSettingsController,
  ],
  providers: [RecognitionRepository, RecognitionQueries, RecognitionCommands],
})
export class RecognitionWorkflowModule {}

/** What the worker needs: the opener of due items, run after the ledger for each idea event. */
@Module({
  providers: [RecognitionRepository, RecognitionDueOpener],
  exports: [RecognitionDueOpener],
})
export class RecognitionDueModule {}
